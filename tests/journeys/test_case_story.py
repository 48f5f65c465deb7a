"""A case's page reads as a story: what happened, oldest first, in one list, and one action
open at a time instead of six forms."""

import datetime

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from maillage.support.journeys import follow_up, referrals
from maillage.support.journeys.journey import close_case
from maillage.support.journeys.models import Outcome
from tests.journeys.factories import SupportCaseFactory
from tests.people.factories import PersonFactory
from tests.services.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def story_text(page: str) -> str:
    start = page.index("L’histoire du dossier")
    return " ".join(strip_tags(page[start:]).split())


def test_the_case_page_tells_what_happened_oldest_first(client_for, staff):
    case = SupportCaseFactory(title="Épicerie du bourg")
    follow_up.add_note(case, "Premier appel, projet encore flou.", by=staff)
    follow_up.add_appointment(case, datetime.date(2026, 3, 10), "Mme Fictive", "Étude de marché")
    service = ServiceFactory(on_offer=True, name="Prêt d’honneur")
    referral = referrals.refer(case, service, today=datetime.date(2026, 3, 12))
    referrals.accept(referral, by=staff, today=datetime.date(2026, 3, 13))

    page = client_for(staff).get(case.get_absolute_url()).content.decode()
    story = story_text(page)

    ordered = ["Dossier ouvert", "Mme Fictive", "Prêt d’honneur", "Orientation acceptée"]
    positions = [story.index(text) for text in ordered]
    assert positions == sorted(positions)
    assert "Premier appel, projet encore flou." in story
    assert "10 mars 2026" in story
    assert "13 mars 2026" in story


def test_no_form_is_open_until_staff_choose_an_action(client_for, staff):
    case = SupportCaseFactory()
    client = client_for(staff)

    closed = client.get(case.get_absolute_url())
    opened = client.get(case.get_absolute_url() + "?action=rendez-vous")

    assert closed.context["open"] is None
    assert "journeys-open-action" not in closed.content.decode()
    assert opened.context["open"]["action"].submit == "Enregistrer le rendez-vous"
    assert opened.content.decode().count("journeys-open-action") == 1
    assert "Date du rendez-vous" in opened.content.decode()


def test_a_refused_entry_comes_back_open_with_what_was_typed(client_for, staff):
    case = SupportCaseFactory()
    response = client_for(staff).post(
        f"{case.get_absolute_url()}rendez-vous/",
        {"held_on": "2024-01-01", "with_whom": "Mme Fictive", "notes": "Forum"},
    )

    assert response.status_code == 400
    assert response.context["open"]["action"].key == "rendez-vous"
    assert "Forum" in response.content.decode()


def test_a_closed_case_offers_only_what_still_makes_sense(client_for, staff):
    case = SupportCaseFactory()
    closed_on = datetime.date(2026, 5, 4)
    close_case(case, Outcome(activity_created=True), closed_on, by=staff, today=closed_on)

    response = client_for(staff).get(case.get_absolute_url() + "?action=orientation")

    assert [action.key for action in response.context["menu"]] == [
        "note",
        "rendez-vous",
        "document",
    ]
    assert response.context["open"] is None
    assert "Dossier clos" in story_text(response.content.decode())


def test_holders_are_picked_from_a_searchable_list_by_initial_not_a_long_select(client_for, staff):
    PersonFactory(first_name="Élise", last_name="Éon")
    PersonFactory(first_name="Yann", last_name="Le Goff")

    page = client_for(staff).get(reverse("journeys:case_create")).content.decode()

    assert 'data-plan-picker="Chercher un porteur par son nom"' in page
    assert "<legend>E</legend>" in page
    assert "<legend>L</legend>" in page
    # Within the picker: the signed-in staff member's random name may be « Le Goff » too.
    picker = page[page.index("data-plan-picker") :]
    assert picker.index("Éon") < picker.index("Le Goff")
    assert "Maintenez Ctrl" not in page


def test_a_partner_accepting_a_referral_can_leave_a_word_that_staff_read(
    client_for, referral, referred_partner, staff, mailoutbox
):
    note = "Premier rendez-vous proposé au porteur le 15 décembre."
    referral.case.staff_in_charge = staff
    referral.case.save()
    response = client_for(referred_partner).post(
        reverse("space:journeys:partner_accept", args=[referral.pk]), {"note": note}
    )
    assert response.status_code == 302

    client = client_for(staff)
    story = story_text(client.get(referral.case.get_absolute_url()).content.decode())
    assert "Orientation acceptée" in story
    assert note in story
    (told,) = mailoutbox
    assert told.to == [staff.email]
    assert f"Mot du partenaire : {note}" in told.body
