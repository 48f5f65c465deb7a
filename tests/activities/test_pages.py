"""Public pages: agenda, month, archives, activity page, feeds; visibility through every route."""

import json
import re

import pytest
from django.core import mail

from maillage.activities.enums import ActivityKind, RegistrationStatus
from maillage.activities.models import Registration
from tests.activities.factories import ActivityFactory, RegistrationFactory
from tests.activities.test_ical import assert_valid_ical

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def assert_clean(response):
    assert "INVALID_TEMPLATE_VARIABLE" not in response.content.decode()


@pytest.fixture
def three_visibilities():
    return {
        "public": ActivityFactory(title="Forum ouvert", slug="forum-ouvert"),
        "members": ActivityFactory(title="Réunion adhérents", slug="reunion", members_only=True),
        "private": ActivityFactory(title="Comité interne", slug="comite", private=True),
    }


ROUTES = ["/agenda/", "/agenda/agenda.ics", "/agenda/archives/"]


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        (None, {"public"}),
        ("partner", {"public"}),
        ("member", {"public", "members"}),
        ("staff", {"public", "members", "private"}),
        ("administrator", {"public", "members", "private"}),
    ],
)
def test_each_role_sees_only_the_activities_it_may_see(
    client_for, request, three_visibilities, who, sees
):
    client = client_for(request.getfixturevalue(who) if who else None)
    agenda = client.get("/agenda/").content.decode()
    assert_clean(client.get("/agenda/"))
    for key, activity in three_visibilities.items():
        assert (activity.title in agenda) == (key in sees)
        page = client.get(f"/agenda/{activity.slug}/")
        assert page.status_code == (200 if key in sees else 404)
        month = client.get(f"/agenda/mois/{activity.starts_at:%Y-%m}/").content.decode()
        assert (activity.title in month) == (key in sees)


@pytest.mark.parametrize("who", [None, "member", "staff"])
def test_feeds_never_hold_members_only_or_private_activities(
    client_for, request, three_visibilities, who
):
    client = client_for(request.getfixturevalue(who) if who else None)
    RegistrationFactory(activity=three_visibilities["public"], email="secret@exemple.org")

    feed = client.get("/agenda/agenda.ics")

    assert feed["Content-Type"].startswith("text/calendar")
    body = feed.content.decode()
    assert "Forum ouvert" in body
    assert "Réunion adhérents" not in body
    assert "Comité interne" not in body
    assert "secret@exemple.org" not in body
    assert_valid_ical(feed.content)
    assert client.get("/agenda/reunion.ics").status_code == 404
    assert client.get("/agenda/comite.ics").status_code == 404
    assert_valid_ical(client.get("/agenda/forum-ouvert.ics").content)


def test_filtered_feed_keeps_only_matching_activities(client):
    ActivityFactory(title="Un atelier", kind=ActivityKind.WORKSHOP)
    ActivityFactory(title="Une formation", kind=ActivityKind.TRAINING)

    body = client.get("/agenda/agenda.ics?type=workshop").content.decode()

    assert "Un atelier" in body
    assert "Une formation" not in body


FILTERS = [
    "?type=pique-nique",
    "?public=inconnu",
    "?commune=99999",
    "?objectif=9z",
    "?type=training&type=workshop",
    "?type=" + "x" * 300,
]
PAGES = ["?page=abc", "?page=99"]


@pytest.mark.parametrize(
    ("path", "query"),
    [
        *[("/agenda/", query) for query in FILTERS + PAGES],
        *[("/agenda/archives/", query) for query in FILTERS + PAGES],
        *[("/agenda/mois/2026-11/", query) for query in FILTERS],
    ],
)
def test_bad_filters_are_a_400_in_french(client, path, query):
    response = client.get(path + query)

    assert response.status_code == 400
    assert "Demande incorrecte" in response.content.decode()


def test_bad_filter_on_the_feed_is_a_400(client):
    assert client.get("/agenda/agenda.ics?type=nope").status_code == 400


@pytest.mark.parametrize("month", ["2026-13", "2026-00", "1800-01"])
def test_an_impossible_month_is_a_400(client, month):
    assert client.get(f"/agenda/mois/{month}/").status_code == 400


def test_activity_page_shows_seats_form_consent_and_event_json_ld(client):
    activity = ActivityFactory(title="Formation </script><b>", capacity=5, accessibility="Rampe")
    RegistrationFactory(activity=activity)

    response = client.get(activity.get_absolute_url())

    html = response.content.decode()
    assert_clean(response)
    assert "4</strong> places restantes sur 5" in html
    assert "Rampe" in html
    assert "version 2026-01" in html
    data = json.loads(JSON_LD.search(html).group(1))
    assert data["@type"] == "Event"
    assert data["name"] == "Formation </script><b>"
    assert "</script><b>" not in JSON_LD.search(html).group(1)


def test_full_activity_offers_the_waiting_list(client):
    activity = ActivityFactory(capacity=1)
    RegistrationFactory(activity=activity)

    html = client.get(activity.get_absolute_url()).content.decode()

    assert "Complet." in html
    assert "liste d’attente" in html


def test_registering_through_the_form_confirms_and_sends_the_invitation(
    client, django_capture_on_commit_callbacks
):
    activity = ActivityFactory(title="Atelier compta")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/agenda/{activity.slug}/inscription/",
            {"name": "Claire Martin", "email": "claire@exemple.org", "consent": "on"},
        )

    registration = Registration.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/agenda/{activity.slug}/inscription/envoyee/"
    assert "Vérifiez votre messagerie" in client.get(response["Location"]).content.decode()
    page = client.get(f"/agenda/inscription/{registration.token}/")
    assert "confirmée" in page.content.decode()
    [message] = mail.outbox
    assert message.subject == "Inscription confirmée : Atelier compta"
    assert "Bonjour Claire Martin" in message.body
    assert registration.token in message.body
    filename, content, mimetype = message.attachments[0]
    assert filename == "invitation.ics"
    assert mimetype.startswith("text/calendar")
    assert "METHOD:REQUEST" in content
    assert_valid_ical(content)


def test_a_double_submit_creates_one_registration_and_sends_the_link_again(
    client, django_capture_on_commit_callbacks
):
    activity = ActivityFactory()
    data = {"name": "Claire", "email": "claire@exemple.org", "consent": "on"}

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(f"/agenda/{activity.slug}/inscription/", data)
        second = client.post(f"/agenda/{activity.slug}/inscription/", data)

    assert first["Location"] == second["Location"]
    assert Registration.objects.count() == 1
    assert [m.subject.split(" :")[0] for m in mail.outbox] == [
        "Inscription confirmée",
        "Votre lien personnel",
    ]


@pytest.mark.parametrize(
    "data",
    [
        {"name": "Claire", "email": "pas-une-adresse", "consent": "on"},
        {"name": "Claire", "email": "claire@exemple.org"},
        {"name": "x" * 500, "email": "claire@exemple.org", "consent": "on"},
        {"name": "Claire\r\nBcc: x@exemple.org", "email": "claire@exemple.org", "consent": "on"},
    ],
)
def test_bad_registration_input_is_a_400_with_nothing_saved(client, data):
    activity = ActivityFactory()

    response = client.post(f"/agenda/{activity.slug}/inscription/", data)

    assert response.status_code == 400
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_registering_after_closing_is_refused_with_a_message(client):
    activity = ActivityFactory(past=True)

    response = client.post(
        f"/agenda/{activity.slug}/inscription/",
        {"name": "Claire", "email": "claire@exemple.org", "consent": "on"},
    )

    assert response.status_code == 400
    assert "pas ouvertes" in response.content.decode()


@pytest.mark.parametrize("who", [None, "partner"])
def test_members_only_and_private_activities_refuse_registration_from_outsiders(
    client_for, request, who
):
    client = client_for(request.getfixturevalue(who) if who else None)
    for activity in (ActivityFactory(members_only=True), ActivityFactory(private=True)):
        response = client.post(
            f"/agenda/{activity.slug}/inscription/",
            {"name": "Claire", "email": "claire@exemple.org", "consent": "on"},
        )
        assert response.status_code == 404
    assert not Registration.objects.exists()


def test_cancel_link_asks_for_confirmation_then_promotes_the_waiting_person(
    client, django_capture_on_commit_callbacks
):
    activity = ActivityFactory(capacity=1)
    seated = RegistrationFactory(activity=activity)
    waiting = RegistrationFactory(
        activity=activity, status=RegistrationStatus.WAITLISTED, waitlist_position=1
    )

    confirm = client.get(f"/agenda/inscription/{seated.token}/annuler/")
    assert "Confirmer l’annulation" in confirm.content.decode()
    seated.refresh_from_db()
    assert seated.status == RegistrationStatus.CONFIRMED
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/agenda/inscription/{seated.token}/annuler/")

    seated.refresh_from_db()
    waiting.refresh_from_db()
    assert seated.status == RegistrationStatus.CANCELLED
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert mail.outbox[0].to == [waiting.email]


@pytest.mark.parametrize("path", ["", "annuler/", "avis/", "attestation/"])
def test_forged_personal_links_are_404(client, path):
    RegistrationFactory()
    assert client.get(f"/agenda/inscription/faux-jeton/{path}").status_code == 404


def test_activity_page_links_the_plan_actions_it_serves(client, loaded_plan):
    from maillage.plan.links import link_actions
    from maillage.plan.models import Action

    activity = ActivityFactory()
    link_actions(activity, Action.objects.filter(code="2c.1.1"))

    html = client.get(activity.get_absolute_url()).content.decode()

    assert 'href="/projet/#action-2c-1-1"' in html


def test_objective_filter_keeps_linked_activities(client, loaded_plan):
    from maillage.plan.links import link_actions
    from maillage.plan.models import Action

    linked = ActivityFactory(title="Liée au 2c")
    ActivityFactory(title="Sans lien")
    link_actions(linked, Action.objects.filter(code="2c.1.1"))

    for code in ("2", "2c"):
        html = client.get(f"/agenda/?objectif={code}").content.decode()
        assert "Liée au 2c" in html
        assert "Sans lien" not in html
