"""Reminders, satisfaction surveys, attendance certificates, demonstration data, queries."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from maillage.activities.demo import YEAR_DAYS, YEAR_EVERY, create_demo_activities
from maillage.activities.enums import ActivityKind, RegistrationStatus, Visibility
from maillage.activities.models import Activity, SatisfactionAnswer, Series
from maillage.activities.queries import upcoming_in_commune
from maillage.activities.tasks import send_reminders
from maillage.core import demo
from maillage.privacy.subject_rights import erase_person, export_person
from tests.activities.factories import ActivityFactory, RegistrationFactory
from tests.activities.test_ical import assert_valid_ical

pytestmark = pytest.mark.django_db


def tomorrow_at_ten():
    day = timezone.localdate() + timedelta(days=1)
    return timezone.make_aware(timezone.datetime(day.year, day.month, day.day, 10))


def test_reminders_go_once_to_confirmed_registrants_of_tomorrow():
    activity = ActivityFactory(starts_at=tomorrow_at_ten(), title="Atelier demain")
    RegistrationFactory(activity=activity, email="a@exemple.org")
    RegistrationFactory(activity=activity, status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(activity=ActivityFactory(), email="later@exemple.org")

    call_command("send_activity_reminders", stdout=None)
    call_command("send_activity_reminders", stdout=None)

    assert [m.to for m in mail.outbox] == [["a@exemple.org"]]
    message = mail.outbox[0]
    assert message.subject == "Rappel : c’est demain : Atelier demain"
    assert "a lieu demain" in message.body
    assert_valid_ical(message.attachments[0][1])
    assert activity.registrations.get(email="a@exemple.org").reminded_at is not None


def test_send_reminders_task_takes_an_iso_date():
    activity = ActivityFactory(starts_at=tomorrow_at_ten())
    RegistrationFactory(activity=activity)

    result = send_reminders.enqueue((timezone.localdate() + timedelta(days=1)).isoformat())

    assert result.return_value == 1


def test_reminder_command_refuses_a_bad_date():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Date invalide"):
        call_command("send_activity_reminders", date="31/12/2026")


def test_survey_goes_to_attendees_and_answers_are_aggregated(
    client_for, client, staff, django_capture_on_commit_callbacks
):
    activity = ActivityFactory(past=True, kind=ActivityKind.TRAINING, slug="formation-passee")
    present = RegistrationFactory(activity=activity, attended=True)
    RegistrationFactory(activity=activity, attended=False)

    client_for(staff).post(f"/agenda/equipe/{activity.slug}/questionnaire/")
    client_for(staff).post(f"/agenda/equipe/{activity.slug}/questionnaire/")

    assert [m.to for m in mail.outbox] == [[present.email]]
    assert f"/agenda/inscription/{present.token}/avis/" in mail.outbox[0].body
    client.logout()
    answer = {"rating": "4", "usefulness": "5", "would_recommend": "True", "comment": "Très clair"}
    assert client.post(f"/agenda/inscription/{present.token}/avis/", answer).status_code == 200
    client.post(f"/agenda/inscription/{present.token}/avis/", answer)
    assert SatisfactionAnswer.objects.count() == 1
    page = client_for(staff).get(f"/agenda/equipe/{activity.slug}/").content.decode()
    assert "1 réponse" in page
    assert "Très clair" in page


def test_survey_refuses_bad_scores(client):
    registration = RegistrationFactory(activity=ActivityFactory(past=True))
    response = client.post(
        f"/agenda/inscription/{registration.token}/avis/",
        {"rating": "9", "usefulness": "0", "would_recommend": "True"},
    )
    assert response.status_code == 400
    assert not SatisfactionAnswer.objects.exists()


def test_certificate_lists_the_cycle_sessions_attended_with_hours(client):
    series = Series.objects.create(title="Cycle associations", slug="cycle")
    start = timezone.now() - timedelta(days=30)
    sessions = [
        ActivityFactory(series=series, starts_at=start + timedelta(days=7 * n), title=f"S{n}")
        for n in range(3)
    ]
    regs = [RegistrationFactory(activity=s, email="claire@exemple.org") for s in sessions]
    for registration in regs[:2]:
        registration.attended = True
        registration.save()

    response = client.get(f"/agenda/inscription/{regs[0].token}/attestation/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Attestation de présence" in html
    assert "6 heures" in html
    assert "S0" in html
    assert "S1" in html
    assert "<td>S2</td>" not in html
    assert 'media="print"' in html
    assert client.get(f"/agenda/inscription/{regs[2].token}/attestation/").status_code == 404


def test_demo_is_idempotent_fictitious_and_linked_to_the_plan(client, loaded_plan):
    created = create_demo_activities()

    assert created == 11 + len(range(-YEAR_DAYS, 1, YEAR_EVERY))
    assert create_demo_activities() == 0
    assert demo.only_demo(Activity.objects.all()).count() == Activity.objects.count()
    forum = Activity.objects.get(slug="forum-ess")
    html = client.get(forum.get_absolute_url()).content.decode()
    assert "données fictives de démonstration" in html
    cycle = Activity.objects.filter(series__slug="cycle-associations")
    assert cycle.count() == 4
    assert Activity.objects.serving_objective("2c").count() >= 5
    assert Activity.objects.filter(visibility=Visibility.PRIVATE).count() == 1


def test_upcoming_in_commune_lists_public_activities_only(db):
    from maillage.territory.models import Commune, Departement, Region

    region = Region.objects.create(code="53", name="Bretagne")
    departement = Departement.objects.create(code="35", name="Ille-et-Vilaine", region=region)
    redon = Commune.objects.create(code="35236", name="Redon", departement=departement)
    public = ActivityFactory(commune=redon)
    ActivityFactory(commune=redon, members_only=True)
    ActivityFactory(commune=redon, past=True)
    ActivityFactory(commune=None)

    assert upcoming_in_commune(redon) == [public]


def test_registrations_are_exported_and_erased_with_the_person():
    RegistrationFactory(email="claire@exemple.org", name="Claire Martin")
    RegistrationFactory(email="claire@exemple.org", name="Claire Martin")

    assert "Claire Martin" in str(export_person("claire@exemple.org"))
    erase_person("claire@exemple.org")
    assert "Claire Martin" not in str(export_person("claire@exemple.org"))
