"""Staff pages: who may enter, registrants, attendance, CSV, audiences, announcements, summary."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from maillage.activities.enums import ActivityKind, ActivityStatus, RegistrationStatus
from maillage.activities.forms import AudienceCountForm
from maillage.activities.models import Activity, AudienceCount
from maillage.activities.summary import summarise
from maillage.core.csv_safety import DANGEROUS_FIRST as FORMULA_STARTS
from maillage.core.csv_safety import escape_cell
from tests.activities.factories import ActivityFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity():
    return ActivityFactory(slug="formation-compta", capacity=2)


def staff_urls(activity, registration):
    base = f"/agenda/equipe/{activity.slug}"
    return {
        "get": ["/agenda/equipe/", "/agenda/equipe/bilan/", f"{base}/", f"{base}/inscrits.csv"],
        "post": [
            f"{base}/inscrire/",
            f"{base}/publics/",
            f"{base}/questionnaire/",
            f"{base}/message/",
            f"{base}/inscription/{registration.pk}/presence/",
            f"{base}/inscription/{registration.pk}/annuler/",
        ],
    }


@pytest.mark.parametrize(("who", "status"), [("member", 403), ("partner", 403)])
def test_staff_pages_are_refused_to_members_and_partners(
    client_for, request, activity, who, status
):
    client = client_for(request.getfixturevalue(who))
    urls = staff_urls(activity, RegistrationFactory(activity=activity))
    for url in urls["get"]:
        assert client.get(url).status_code == status, url
    for url in urls["post"]:
        assert client.post(url).status_code == status, url


def test_staff_pages_send_anonymous_visitors_to_the_login(client, activity):
    urls = staff_urls(activity, RegistrationFactory(activity=activity))
    for url in urls["get"] + urls["post"]:
        response = client.post(url) if url in urls["post"] else client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/compte/")


@pytest.mark.parametrize("who", ["staff", "administrator"])
def test_staff_and_administrators_see_the_registrants(client_for, request, activity, who):
    RegistrationFactory(activity=activity, name="Claire Martin")
    client = client_for(request.getfixturevalue(who))

    for url in ["/agenda/equipe/", f"/agenda/equipe/{activity.slug}/", "/agenda/equipe/bilan/"]:
        response = client.get(url)
        assert response.status_code == 200
        assert "INVALID_TEMPLATE_VARIABLE" not in response.content.decode()
    assert "Claire Martin" in client.get(f"/agenda/equipe/{activity.slug}/").content.decode()


def test_search_filters_the_registrants_and_htmx_gets_the_partial(client_for, staff, activity):
    RegistrationFactory(activity=activity, name="Claire Martin")
    RegistrationFactory(activity=activity, name="Bruno Durand")
    client = client_for(staff)

    response = client.get(
        f"/agenda/equipe/{activity.slug}/?q=claire", headers={"HX-Request": "true"}
    )

    html = response.content.decode()
    assert "Claire Martin" in html
    assert "Bruno Durand" not in html
    assert "<html" not in html
    assert client.get(f"/agenda/equipe/{activity.slug}/?q={'x' * 200}").status_code == 400


def test_attendance_toggles_through_htmx(client_for, staff, activity):
    registration = RegistrationFactory(activity=activity)
    url = f"/agenda/equipe/{activity.slug}/inscription/{registration.pk}/presence/"

    response = client_for(staff).post(url, headers={"HX-Request": "true"})

    registration.refresh_from_db()
    assert registration.attended
    assert 'aria-pressed="true"' in response.content.decode()
    client_for(staff).post(url)
    registration.refresh_from_db()
    assert not registration.attended


def test_a_waitlisted_person_cannot_be_marked_present(client_for, staff, activity):
    registration = RegistrationFactory(
        activity=activity, status=RegistrationStatus.WAITLISTED, waitlist_position=1
    )
    url = f"/agenda/equipe/{activity.slug}/inscription/{registration.pk}/presence/"

    assert client_for(staff).post(url).status_code == 400


def test_staff_register_someone_by_hand_then_cancel_them(client_for, staff, activity):
    client = client_for(staff)
    client.post(
        f"/agenda/equipe/{activity.slug}/inscrire/",
        {"name": "Yvonne Le Goff", "email": "yvonne@exemple.org"},
    )
    registration = activity.registrations.get()
    assert registration.status == RegistrationStatus.CONFIRMED

    client.post(f"/agenda/equipe/{activity.slug}/inscription/{registration.pk}/annuler/")

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


def test_staff_are_told_when_an_address_is_already_registered(client_for, staff, activity):
    client = client_for(staff)
    data = {"name": "Yvonne Le Goff", "email": "yvonne@exemple.org"}
    client.post(f"/agenda/equipe/{activity.slug}/inscrire/", data)

    response = client.post(f"/agenda/equipe/{activity.slug}/inscrire/", data, follow=True)

    assert "Cette adresse est déjà inscrite à cette activité." in response.content.decode()
    assert activity.registrations.count() == 1


def test_staff_hand_registration_with_bad_email_is_a_400(client_for, staff, activity):
    response = client_for(staff).post(
        f"/agenda/equipe/{activity.slug}/inscrire/", {"name": "Y", "email": "non"}
    )
    assert response.status_code == 400
    assert not activity.registrations.exists()


def test_csv_export_has_bom_semicolons_and_escaped_formulas(client_for, staff, activity):
    RegistrationFactory(activity=activity, name='=HYPERLINK("http://x")', organisation="+33")

    response = client_for(staff).get(f"/agenda/equipe/{activity.slug}/inscrits.csv")

    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows[0][0] == "Nom"
    assert rows[1][0] == '\'=HYPERLINK("http://x")'
    assert rows[1][2] == "'+33"


@given(st.text())
def test_escaped_cells_never_start_like_a_formula(value):
    escaped = escape_cell(value)
    assert not escaped.startswith(FORMULA_STARTS)
    assert escaped.removeprefix("'") == value or escaped == value


@pytest.mark.parametrize("count", ["0", "-3", "abc"])
def test_audience_count_must_be_positive(client_for, staff, activity, count):
    response = client_for(staff).post(
        f"/agenda/equipe/{activity.slug}/publics/", {"category": "elus", "count": count}
    )
    assert response.status_code == 400
    assert not AudienceCount.objects.exists()


def test_audience_counts_are_recorded_once_per_category(client_for, staff, activity):
    client = client_for(staff)
    for count in ("25", "27"):
        client.post(
            f"/agenda/equipe/{activity.slug}/publics/", {"category": "scolaires", "count": count}
        )
    assert list(AudienceCount.objects.values_list("count", flat=True)) == [27]


def test_cancelling_the_activity_tells_every_registrant_with_a_cancel_invitation(
    client_for, staff, activity, django_capture_on_commit_callbacks
):
    RegistrationFactory(activity=activity, email="a@exemple.org")
    RegistrationFactory(activity=activity, email="b@exemple.org")
    RegistrationFactory(activity=activity, email="c@exemple.org", status="cancelled")

    with django_capture_on_commit_callbacks(execute=True):
        client_for(staff).post(
            f"/agenda/equipe/{activity.slug}/annuler/", {"note": "Intervenant malade"}
        )

    activity.refresh_from_db()
    assert activity.status == ActivityStatus.CANCELLED
    assert activity.sequence == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["a@exemple.org", "b@exemple.org"]
    message = mail.outbox[0]
    assert "Activité annulée" in message.subject
    assert "Intervenant malade" in message.body
    assert "METHOD:CANCEL" in message.attachments[0][1]
    assert "STATUS:CANCELLED" in message.attachments[0][1]
    assert "SEQUENCE:1" in message.attachments[0][1]


def test_summary_counts_activities_people_and_training_hours(loaded_plan):
    from maillage.plan.links import link_actions, link_publics
    from maillage.plan.models import Action, TargetPublic

    start = timezone.now() - timedelta(days=5)
    training = ActivityFactory(kind=ActivityKind.TRAINING, starts_at=start)
    link_actions(training, Action.objects.filter(code="2c.1.1"))
    link_publics(training, TargetPublic.objects.filter(slug="associations"))
    RegistrationFactory.create_batch(3, activity=training, attended=True)
    RegistrationFactory(activity=training, attended=False)
    talk = ActivityFactory(kind=ActivityKind.AWARENESS, starts_at=start)
    AudienceCount.objects.create(activity=talk, category="scolaires", count=25)
    ActivityFactory(kind=ActivityKind.TRAINING, starts_at=start, status=ActivityStatus.CANCELLED)

    result = summarise(date.today() - timedelta(days=30), date.today())

    assert result.activities == 2
    assert dict(result.by_kind) == {"Formation": 1, "Intervention de sensibilisation": 1}
    assert dict((o.code, n) for o, n in result.by_objective)["2"] == 1
    assert dict(result.reached) == {"Scolaires, étudiants et stagiaires": 25, "Associations": 3}
    assert result.training_hours == 3
    assert result.trainee_hours == 9


def test_summary_with_a_reversed_period_is_a_400(client_for, staff):
    response = client_for(staff).get("/agenda/equipe/bilan/?start=2026-12-01&end=2026-01-01")
    assert response.status_code == 400
    assert client_for(staff).get("/agenda/equipe/bilan/?start=x&end=y").status_code == 400


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"capacity": 0}, "Au moins une place"),
        ({"ends_at_offset": -1}, "La fin doit suivre le début"),
        ({"price": -5}, "tarif ne peut pas être négatif"),
    ],
)
def test_bad_activity_values_get_a_french_message_not_a_500(fields, message):
    from django.core.exceptions import ValidationError

    activity = ActivityFactory.build(
        slug="mauvaise", **{k: v for k, v in fields.items() if k != "ends_at_offset"}
    )
    if "ends_at_offset" in fields:
        activity.ends_at = activity.starts_at - timedelta(hours=1)

    with pytest.raises(ValidationError, match=message):
        activity.full_clean()


def test_an_audience_recorded_as_its_activity_is_deleted_says_so(
    client_for, staff, activity, monkeypatch
):
    """The race: the page was loaded, then the activity deleted before the count is written.
    Deleting it as the form is validated puts the deletion between the two, every time."""
    validate = AudienceCountForm.is_valid

    def deleted_meanwhile(form):
        Activity.objects.filter(pk=activity.pk).delete()
        return validate(form)

    monkeypatch.setattr(AudienceCountForm, "is_valid", deleted_meanwhile)
    client = client_for(staff)

    response = client.post(
        f"/agenda/equipe/{activity.slug}/publics/", {"category": "elus", "count": "12"}
    )

    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Cette activité vient d’être supprimée : rien n’est enregistré."
    ]
    assert not AudienceCount.objects.exists()


def test_a_zero_audience_is_refused_with_its_own_message(client_for, staff, activity):
    response = client_for(staff).post(
        f"/agenda/equipe/{activity.slug}/publics/", {"category": "elus", "count": "0"}
    )

    assert response.status_code == 400
    assert "Le nombre de personnes doit être supérieur à zéro." in response.content.decode()
