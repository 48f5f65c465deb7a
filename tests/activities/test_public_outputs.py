"""The online meeting link of an activity on registration reaches its registrants only: every
public output (page, JSON-LD, agenda pages, both iCalendar feeds) goes without it."""

import json
import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from maillage.activities.demo import create_demo_activities
from maillage.activities.models import Activity, Registration
from maillage.core import demo
from tests.activities.factories import ActivityFactory, RegistrationFactory
from tests.activities.test_ical import assert_valid_ical

pytestmark = pytest.mark.django_db

LINK = "https://visio.exemple.org/salle-secrete-4821"
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture
def on_registration():
    return ActivityFactory(slug="atelier-en-ligne", online_url=LINK, address="", capacity=10)


PUBLIC_OUTPUTS = [
    "/agenda/",
    "/agenda/mois/{month}/",
    "/agenda/atelier-en-ligne/",
    "/agenda/agenda.ics",
    "/agenda/atelier-en-ligne.ics",
]


@pytest.mark.parametrize("who", [None, "member", "staff"])
@pytest.mark.parametrize("path", PUBLIC_OUTPUTS)
def test_public_outputs_never_hold_the_link_of_an_activity_on_registration(
    client_for, request, on_registration, who, path
):
    RegistrationFactory(activity=on_registration)
    client = client_for(request.getfixturevalue(who) if who else None)

    response = client.get(path.format(month=f"{on_registration.starts_at:%Y-%m}"))

    assert response.status_code == 200
    assert LINK not in response.content.decode()


def test_the_page_s_json_ld_says_online_and_points_to_the_page_instead(client, on_registration):
    html = client.get(on_registration.get_absolute_url()).content.decode()

    data = json.loads(JSON_LD.search(html).group(1))
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": data["url"]}
    assert "le lien est envoyé aux inscrits" in html


def test_public_feeds_say_online_without_the_link(client, on_registration):
    for path in ("/agenda/agenda.ics", "/agenda/atelier-en-ligne.ics"):
        [event] = assert_valid_ical(client.get(path).content)
        assert event["LOCATION"] == "En ligne"


def test_with_free_entry_the_link_is_public(client):
    activity = ActivityFactory(online_url=LINK, address="", requires_registration=False)

    html = client.get(activity.get_absolute_url()).content.decode()

    assert f'href="{LINK}"' in html
    assert json.loads(JSON_LD.search(html).group(1))["location"]["url"] == LINK
    assert LINK in client.get(f"/agenda/{activity.slug}.ics").content.decode()


def test_the_registrant_gets_the_link_by_e_mail_on_the_personal_page_and_calendar(
    client, on_registration, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/agenda/atelier-en-ligne/inscription/",
            {"name": "Claire Martin", "email": "claire@exemple.org", "consent": "on"},
        )

    [message] = mail.outbox
    assert LINK in message.body
    assert LINK in message.attachments[0][1].replace("\r\n ", "")
    token = Registration.objects.get().token
    assert LINK in client.get(f"/agenda/inscription/{token}/").content.decode()
    personal = client.get(f"/agenda/inscription/{token}/invitation.ics")
    assert_valid_ical(personal.content)
    assert LINK in personal.content.decode().replace("\r\n ", "")


def test_a_cancelled_registration_has_no_calendar_file(client, on_registration):
    registration = RegistrationFactory(activity=on_registration, status="cancelled")

    response = client.get(f"/agenda/inscription/{registration.token}/invitation.ics")

    assert response.status_code == 404


def test_every_public_output_of_a_demo_activity_says_it_is_fictitious(client):
    create_demo_activities()
    forum = Activity.objects.get(slug="forum-ess")
    page = client.get(forum.get_absolute_url()).content.decode()
    (json_ld,) = JSON_LD.findall(page)
    feeds = [
        client.get(path).content.decode()
        for path in ("/agenda/agenda.ics", "/agenda/forum-ess.ics")
    ]

    assert "données fictives de démonstration" in page  # the mark beside the kind
    assert "données fictives de démonstration" in client.get("/agenda/").content.decode()
    assert "Données fictives de démonstration." in json.loads(json_ld)["description"]
    for feed in feeds:
        assert "Données fictives de démonstration." in feed.replace("\r\n ", "")


def _agenda_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert "données fictives de démonstration" in client.get("/agenda/").content.decode()
    return len(queries)


def test_the_fictitious_mark_costs_the_agenda_one_query_however_many_demo_activities(client):
    demo.mark(*ActivityFactory.create_batch(2))
    few = _agenda_queries(client)

    demo.mark(*ActivityFactory.create_batch(6))

    assert _agenda_queries(client) == few
