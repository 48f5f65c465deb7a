"""« Mes inscriptions »: a signed-in person's own registrations, and their private calendar."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from maillage.accounts.demo import create_demo_accounts
from maillage.accounts.models import User
from maillage.activities.demo import create_demo_activities
from maillage.activities.enums import RegistrationStatus
from maillage.activities.my_registrations import feed_key
from maillage.core.access_log import private_path
from tests.activities.factories import ActivityFactory, RegistrationFactory
from tests.activities.test_ical import assert_valid_ical

pytestmark = pytest.mark.django_db

PAGE = "/espace-membre/inscriptions/"


@pytest.fixture
def registrations(member):
    now = timezone.now()
    return {
        "soon": RegistrationFactory(
            activity=ActivityFactory(
                title="Atelier bientôt",
                starts_at=now + timedelta(days=3),
                online_url="https://visio.exemple.org/salle-secrete",
            ),
            user=member,
            email=member.email,
        ),
        "later": RegistrationFactory(
            activity=ActivityFactory(
                title="Formation plus tard",
                starts_at=now + timedelta(days=30),
            ),
            # Made without signing in, with the account's address (in another case).
            email=member.email.upper(),
            status=RegistrationStatus.WAITLISTED,
            waitlist_position=2,
        ),
        "held": RegistrationFactory(
            activity=ActivityFactory(title="Forum passé", past=True), user=member
        ),
        "dropped": RegistrationFactory(
            activity=ActivityFactory(title="Séance annulée par moi"),
            email=member.email,
            status=RegistrationStatus.CANCELLED,
        ),
        "someone_else": RegistrationFactory(
            activity=ActivityFactory(title="Activité d’une autre personne")
        ),
    }


def _order(page: str, *titles: str) -> list[int]:
    return [page.index(title) for title in titles]


def test_the_page_lists_upcoming_registrations_first_then_past_ones(
    client_for, member, registrations
):
    page = client_for(member).get(PAGE).content.decode()
    upcoming, past = page.index("À venir"), page.index("Passées")
    soon, later, held = _order(page, "Atelier bientôt", "Formation plus tard", "Forum passé")
    assert upcoming < soon < later < past < held
    # A registration one cancelled stays listed, as cancelled.
    assert upcoming < page.index("Séance annulée par moi") < past
    assert "Activité d’une autre personne" not in page
    assert "Sur liste d’attente" in page
    assert "rang 2" in page
    assert "Inscription annulée" in page


def test_each_upcoming_registration_has_its_cancel_link_and_a_cancelled_one_none(
    client_for, member, registrations
):
    page = client_for(member).get(PAGE).content.decode()
    for kept in ("soon", "later"):
        assert f"/agenda/inscription/{registrations[kept].token}/annuler/" in page
    for without in ("dropped", "held", "someone_else"):
        assert f"{registrations[without].token}/annuler/" not in page


def test_the_page_needs_signing_in(client):
    response = client.get(PAGE)
    assert response.status_code == 302
    assert "/compte/" in response["Location"]


def test_the_member_space_has_the_card(client_for, member):
    page = client_for(member).get("/espace-membre/").content.decode()
    assert "Mes inscriptions" in page
    assert f'href="{PAGE}"' in page


def _feed_path(user) -> str:
    return f"{PAGE}{user.pk}-{feed_key(user)}.ics"


def test_the_page_gives_the_feed_address_which_holds_ones_registrations_only(
    client_for, member, registrations
):
    page = client_for(member).get(PAGE).content.decode()
    assert _feed_path(member) in page
    client_for(None).logout()
    response = client_for(None).get(_feed_path(member))  # a calendar application: no session
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    events = assert_valid_ical(response.content)
    # Where one has a seat: not the waiting list, nor what one cancelled, nor others' ones.
    assert {event["SUMMARY"] for event in events} == {"Atelier bientôt", "Forum passé"}
    # The owner's own calendar holds the meeting link, as their invitation does.
    assert "salle-secrete" in response.content.decode()


def test_a_wrong_or_borrowed_key_finds_no_calendar(client, member, partner, registrations):
    assert client.get(f"{PAGE}{member.pk}-{'0' * 40}.ics").status_code == 404
    # The partner's own key does not open the member's calendar.
    assert client.get(f"{PAGE}{member.pk}-{feed_key(partner)}.ics").status_code == 404


def test_changing_ones_password_revokes_the_old_feed_address(client, member, registrations):
    old = _feed_path(member)
    member.set_password("un tout autre mot de passe 2026")
    member.save()
    assert client.get(old).status_code == 404
    assert client.get(_feed_path(member)).status_code == 200


def test_the_key_is_never_in_a_page_seen_by_someone_else(client_for, partner, member):
    page = client_for(partner).get(PAGE).content.decode()
    assert feed_key(member) not in page
    assert re.search(rf"{partner.pk}-{feed_key(partner)}\.ics", page)


def test_the_demo_member_has_registrations_to_come_waiting_and_held(client_for):
    create_demo_activities()
    create_demo_accounts()
    page = client_for(User.objects.get(email="adherent@demo.maillage.test")).get(PAGE)
    html = page.content.decode()
    upcoming, past = html.index("À venir"), html.index("Passées")
    assert upcoming < html.index("naissance d’un tiers-lieu") < past
    assert upcoming < html.index("Sur liste d’attente") < past
    assert past < html.index("Gestion administrative d’une association")
    assert "données fictives de démonstration" in html


def test_a_registration_page_leads_a_signed_in_person_to_all_their_registrations(
    client_for, member, registrations
):
    page = client_for(member).get(registrations["soon"].get_absolute_url()).content.decode()
    assert f'<a href="{PAGE}">Toutes mes inscriptions</a>' in page


def test_the_feed_key_never_reaches_the_access_log(member):
    logged = private_path(_feed_path(member))
    assert feed_key(member) not in logged
    assert str(member.pk) not in logged.removeprefix(PAGE)
