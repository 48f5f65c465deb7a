"""Staff create, edit, duplicate and cancel activities in the platform: the rules they meet,
what registrants are told, and what people read of a description."""

import io
from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from maillage.activities.enums import ActivityKind, ActivityStatus
from maillage.activities.models import Activity, Announcement, Series
from maillage.plan.links import actions_of, link_publics, publics_of
from maillage.plan.models import Action, TargetPublic
from tests.activities.factories import ActivityFactory, RegistrationFactory
from tests.directory.factories import EstablishmentFactory
from tests.tokens import with_token
from tests.typeset import french

pytestmark = pytest.mark.django_db

PARIS = timezone.get_default_timezone()


def png() -> bytes:
    picture = io.BytesIO()
    Image.new("RGB", (2, 2)).save(picture, "PNG")
    return picture.getvalue()


def at_minute(days: int):
    """A moment typed as staff type it: to the minute, in the morning, so that the activity
    (two hours long) ends on the day it starts whatever the hour the test runs."""
    return (timezone.localtime() + timedelta(days=days)).replace(
        hour=9, minute=30, second=0, microsecond=0
    )


def in_days(days: int):
    return (timezone.localtime() + timedelta(days=days)).date()


def form_data(**overrides):
    data = {
        "title": "Atelier comptabilité",
        "kind": ActivityKind.WORKSHOP,
        "description": "Pour les trésoriers.\n\nInscription sur https://exemple.org/a",
        "start_date": in_days(20).isoformat(),
        "start_time": "14:00",
        "end_time": "17:00",
        "address": "2 place de la Mairie",
        "requires_registration": "on",
        "capacity": "12",
        "has_waiting_list": "on",
        "price": "0",
        "visibility": "public",
        "status": ActivityStatus.PUBLISHED,
    }
    return with_token(data | overrides)


@pytest.fixture
def staff_client(client_for, staff):
    return client_for(staff)


def test_staff_create_an_activity_in_paris_time(staff_client, loaded_plan):
    action = Action.objects.active().first()
    public = TargetPublic.objects.active().first()

    response = staff_client.post(
        "/agenda/equipe/nouvelle/",
        form_data(actions=[action.pk], publics=[public.pk]),
    )

    activity = Activity.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/agenda/equipe/{activity.slug}/"
    assert activity.slug == f"atelier-comptabilite-{in_days(20).isoformat()}"
    starts = activity.starts_at.astimezone(PARIS)
    assert (starts.date(), starts.hour, starts.minute) == (in_days(20), 14, 0)
    assert activity.ends_at - activity.starts_at == timedelta(hours=3)
    assert list(actions_of(activity)) == [action]
    assert list(publics_of(activity)) == [public]


def test_an_activity_on_registration_cannot_start_in_the_past(staff_client):
    response = staff_client.post(
        "/agenda/equipe/nouvelle/", form_data(start_date=in_days(-3).isoformat())
    )

    assert response.status_code == 400
    assert "ne peut pas commencer dans le passé" in response.content.decode()
    assert not Activity.objects.exists()


def test_an_activity_cannot_end_before_it_starts(staff_client):
    response = staff_client.post(
        "/agenda/equipe/nouvelle/", form_data(start_time="15:00", end_time="14:00")
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "La fin doit suivre le début." in page
    # The summary at the top leads to the field to correct.
    assert french('<a href="#id_end_time">Heure de fin</a> : La fin doit suivre le début.') in page
    assert not Activity.objects.exists()


def test_a_past_intervention_is_recorded_as_done_without_registration(staff_client):
    data = form_data(start_date=in_days(-3).isoformat(), kind=ActivityKind.AWARENESS)
    del data["requires_registration"]

    response = staff_client.post("/agenda/equipe/nouvelle/", data, follow=True)

    activity = Activity.objects.get()
    assert not activity.requires_registration
    assert not activity.registration_is_open()
    assert "Notez ci-dessous les publics touchés." in response.content.decode()
    staff_client.post(
        f"/agenda/equipe/{activity.slug}/publics/", {"category": "scolaires", "count": "25"}
    )
    assert activity.audience_counts.get().count == 25


def test_an_image_needs_its_alternative_text(staff_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image = SimpleUploadedFile("affiche.png", png(), content_type="image/png")

    response = staff_client.post("/agenda/equipe/nouvelle/", form_data(image=image))

    assert response.status_code == 400
    assert "Décrivez l’image pour qui ne la voit pas." in response.content.decode()


def test_the_preview_shows_the_activity_without_saving_it(staff_client):
    response = staff_client.post(
        "/agenda/equipe/nouvelle/", form_data(preview="1", description="**Gras** et suite")
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Aperçu" in page
    assert "<p>**Gras** et suite</p>" in page  # shown as typed: nothing is interpreted
    assert not Activity.objects.exists()


def test_pages_show_descriptions_as_plain_text_with_paragraphs_and_links(client):
    activity = ActivityFactory(description="Premier.\n\nVoir https://exemple.org <b>x</b>")

    page = client.get(activity.get_absolute_url()).content.decode()

    assert "<p>Premier.</p>" in page
    assert '<a href="https://exemple.org" rel="nofollow">https://exemple.org</a>' in page
    assert "&lt;b&gt;x&lt;/b&gt;" in page


def test_the_calendar_carries_the_description_as_typed(client):
    ActivityFactory(slug="atelier", description="Premier.\n\nVoir https://exemple.org")

    calendar = client.get("/agenda/atelier.ics").content.decode().replace("\r\n ", "")

    assert "DESCRIPTION:Premier.\\n\\nVoir https://exemple.org\r\n" in calendar


@pytest.fixture
def registered():
    activity = ActivityFactory(title="Atelier", slug="atelier", starts_at=at_minute(10))
    RegistrationFactory(activity=activity, email="claire@exemple.org")
    return activity


def edit_data(activity, **overrides):
    starts = activity.starts_at.astimezone(PARIS)
    ends = activity.ends_at.astimezone(PARIS)
    data = form_data(
        title=activity.title,
        kind=activity.kind,
        description=activity.description,
        start_date=starts.date().isoformat(),
        start_time=starts.strftime("%H:%M"),
        end_time=ends.strftime("%H:%M"),
        address=activity.address,
        capacity=str(activity.capacity),
    )
    return data | overrides


def test_moving_an_activity_with_registrants_asks_whether_to_tell_them(staff_client, registered):
    response = staff_client.post(
        "/agenda/equipe/atelier/modifier/", edit_data(registered, start_time="09:00")
    )

    assert response.status_code == 400
    assert french("dites s’il faut prévenir les inscrits") in response.content.decode()
    registered.refresh_from_db()
    assert registered.sequence == 0


def test_moving_and_telling_sends_the_change_with_a_raised_sequence(
    staff_client, registered, django_capture_on_commit_callbacks
):
    data = edit_data(registered, address="3 rue Neuve", tell_registrants="oui", note="Salle B")
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post("/agenda/equipe/atelier/modifier/", data)

    registered.refresh_from_db()
    assert response.status_code == 302
    assert (registered.address, registered.sequence) == ("3 rue Neuve", 1)
    [message] = mail.outbox
    assert message.to == ["claire@exemple.org"]
    assert "Salle B" in message.body
    [(_, calendar, _)] = message.attachments
    assert "SEQUENCE:1\r\n" in calendar
    assert "3 rue Neuve" in calendar


def test_moving_without_telling_raises_the_sequence_and_sends_nothing(
    staff_client, registered, django_capture_on_commit_callbacks
):
    data = edit_data(registered, start_time="09:00", tell_registrants="non")
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post("/agenda/equipe/atelier/modifier/", data)

    registered.refresh_from_db()
    assert registered.starts_at.astimezone(PARIS).hour == 9
    assert registered.sequence == 1
    assert not mail.outbox
    assert not Announcement.objects.exists()


def test_editing_the_text_only_neither_asks_nor_tells(
    staff_client, registered, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            "/agenda/equipe/atelier/modifier/", edit_data(registered, title="Atelier renommé")
        )

    registered.refresh_from_db()
    assert response.status_code == 302
    assert (registered.title, registered.sequence) == ("Atelier renommé", 0)
    assert not mail.outbox


def test_a_past_activity_stays_editable_without_moving_it(staff_client):
    activity = ActivityFactory(slug="passee", starts_at=at_minute(-10))
    RegistrationFactory(activity=activity)

    response = staff_client.post(
        "/agenda/equipe/passee/modifier/", edit_data(activity, title="Compte rendu ajouté")
    )

    assert response.status_code == 302


def test_cancelling_always_tells_the_registrants(
    staff_client, registered, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post("/agenda/equipe/atelier/annuler/", {"note": "Météo"})

    registered.refresh_from_db()
    assert response.status_code == 302
    assert registered.is_cancelled
    [message] = mail.outbox
    assert "Météo" in message.body
    assert "METHOD:CANCEL" in message.attachments[0][1]


def test_duplicating_proposes_the_same_activity_a_month_later(staff_client, loaded_plan):
    source = ActivityFactory(
        title="Atelier mensuel",
        slug="atelier-mensuel",
        kind=ActivityKind.WORKSHOP,
        starts_at=at_minute(10),
    )
    public = TargetPublic.objects.active().first()

    link_publics(source, [public])
    page = staff_client.get("/agenda/equipe/atelier-mensuel/dupliquer/").content.decode()
    starts = timezone.localtime(source.starts_at)
    next_month = (starts.month % 12) + 1
    assert 'value="Atelier mensuel"' in page
    assert f"-{next_month:02d}-" in page.split('name="start_date"')[1][:80]

    data = edit_data(source, start_date=in_days(40).isoformat(), publics=[public.pk])
    response = staff_client.post("/agenda/equipe/atelier-mensuel/dupliquer/", data)

    copy = Activity.objects.exclude(pk=source.pk).get()
    assert response.status_code == 302
    assert copy.title == "Atelier mensuel"
    assert copy.slug != source.slug
    assert list(publics_of(copy)) == [public]
    assert copy.registrations.count() == 0


def test_staff_reach_the_editing_pages_from_the_public_page_and_visitors_do_not(
    client_for, staff, registered
):
    anonymous_page = client_for(None).get("/agenda/atelier/").content.decode()
    staff_page = client_for(staff).get("/agenda/atelier/").content.decode()

    assert "/agenda/equipe/atelier/modifier/" not in anonymous_page
    assert "/agenda/equipe/atelier/modifier/" in staff_page
    assert "/agenda/equipe/atelier/dupliquer/" in staff_page


def test_editing_pages_are_for_staff_only(client_for, member, registered):
    client = client_for(member)
    paths = ["nouvelle/", "nouveau-cycle/", "atelier/modifier/", "atelier/dupliquer/"]
    for path in [*paths, "atelier/annuler/"]:
        assert client.get(f"/agenda/equipe/{path}").status_code == 403


def test_staff_create_a_cycle_then_offer_it_to_new_sessions(staff_client):
    response = staff_client.post(
        "/agenda/equipe/nouveau-cycle/",
        with_token({"title": "Parcours trésorier", "description": ""}),
    )
    staff_client.post("/agenda/equipe/nouveau-cycle/", with_token({"title": "Parcours trésorier"}))

    assert response.status_code == 302
    assert list(Series.objects.values_list("slug", flat=True)) == [
        "parcours-tresorier",
        "parcours-tresorier-2",
    ]
    assert "Parcours trésorier" in staff_client.get("/agenda/equipe/nouvelle/").content.decode()


def test_staff_write_to_registrants_with_the_invitation_as_it_stands(
    staff_client, registered, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            "/agenda/equipe/atelier/message/", {"note": "Apportez un stylo."}, follow=True
        )

    [message] = mail.outbox
    assert french("Message envoyé : 1 personne.") in response.content.decode()
    assert "Apportez un stylo." in message.body
    assert "SEQUENCE:1" in message.attachments[0][1]


def test_a_directory_establishment_hosts_the_activity_by_name_or_siret(staff_client):
    host = EstablishmentFactory(name="Ressourcerie du Canal", street="4 quai Surcouf")
    EstablishmentFactory(name="Ressourcerie du Bourg", street="1 rue Haute")

    by_siret = staff_client.post("/agenda/equipe/nouvelle/", form_data(host=host.siret))
    both = staff_client.post("/agenda/equipe/nouvelle/", form_data(host="Ressourcerie"))
    by_name = staff_client.post(
        "/agenda/equipe/nouvelle/", form_data(host="ressourcerie canal", title="Autre atelier")
    )

    assert by_siret.status_code == by_name.status_code == 302
    assert set(Activity.objects.values_list("address", flat=True)) == {
        "Ressourcerie du Canal, 4 quai Surcouf"
    }
    assert both.status_code == 400
    assert "Plusieurs structures correspondent" in both.content.decode()


def test_host_suggestions_carry_the_siret_the_form_reads_back(staff_client):
    host = EstablishmentFactory(name="Ressourcerie du Canal", street="4 quai Surcouf")
    EstablishmentFactory(name="Autre structure", closed=True)

    suggestions = staff_client.get("/agenda/equipe/lieux-d-accueil/", {"q": "ressour"}).json()

    [suggestion] = suggestions["suggestions"]
    assert host.siret in suggestion["label"]
    response = staff_client.post("/agenda/equipe/nouvelle/", form_data(host=suggestion["name"]))
    assert response.status_code == 302
    assert Activity.objects.get().address == "Ressourcerie du Canal, 4 quai Surcouf"


def test_staff_rename_a_cycle_from_the_activities_list(staff_client):
    Series.objects.create(title="Parcours", slug="parcours", description="")

    listing = staff_client.get("/agenda/equipe/").content.decode()
    response = staff_client.post(
        "/agenda/equipe/cycles/parcours/",
        {"title": "Parcours trésorier", "description": "Cinq séances."},
    )

    assert "/agenda/equipe/cycles/parcours/" in listing
    assert response.status_code == 302
    assert Series.objects.get().title == "Parcours trésorier"


def morning(days: int):
    """9:00 in Paris, `days` from today: an activity that ends the day it starts."""
    return timezone.make_aware(datetime.combine(in_days(days), time(9)), PARIS)


def test_staff_note_the_volunteer_hours_of_a_past_activity(staff_client):
    activity = ActivityFactory(slug="passee", starts_at=morning(-10))

    response = staff_client.post(
        "/agenda/equipe/passee/modifier/", edit_data(activity, volunteer_hours="7,5")
    )

    activity.refresh_from_db()
    assert response.status_code == 302
    assert activity.volunteer_hours == Decimal("7.5")


def test_volunteer_hours_are_never_negative(staff_client):
    activity = ActivityFactory(slug="passee", starts_at=morning(-10), volunteer_hours=3)

    response = staff_client.post(
        "/agenda/equipe/passee/modifier/", edit_data(activity, volunteer_hours="-2")
    )

    activity.refresh_from_db()
    assert response.status_code == 400
    assert "Les heures de bénévolat ne peuvent pas être négatives." in response.content.decode()
    assert activity.volunteer_hours == 3
