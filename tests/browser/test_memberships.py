"""The membership pages in real Chromium: no console error, axe-clean; the search fills the
select through htmx; the receipt prints without the site's header."""

import pytest
from playwright.sync_api import expect

from maillage.directory.demo import create_demo_directory
from maillage.network.memberships.demo import create_demo_memberships
from maillage.network.memberships.enums import BoardRole
from maillage.network.memberships.models import BoardSeat, Membership
from tests.browser.conftest import OVERFLOW
from tests.browser.sessions import assert_no_serious_axe_violations, signed_in
from tests.factories import UserFactory
from tests.memberships.factories import CollegeFactory
from tests.people.factories import PersonFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(hub_data):
    create_demo_directory(count=120)
    create_demo_memberships()


def _paid():
    return Membership.objects.paid().order_by("pk").first().pk


PAGES = [
    "/adhesions/",
    "/adhesions/?annee=2026&statut=pending",
    "/adhesions/nouvelle/structure/?q=association",
    "/adhesions/nouvelle/personne/",
    "/adhesions/renouvellement/?annee=2026",
    "/adhesions/{paid}/",
    "/adhesions/{paid}/recu/",
]


@pytest.mark.parametrize("path", PAGES)
def test_membership_pages_load_and_pass_axe(audit_page, live_server, demo, browser_problems, path):
    signed_in(audit_page, live_server, UserFactory(staff=True))
    response = audit_page.goto(live_server.url + path.format(paid=_paid()))
    assert response.status == 200
    assert audit_page.locator("h1").count() == 1
    assert "INVALID_TEMPLATE_VARIABLE" not in audit_page.content()
    assert_no_serious_axe_violations(audit_page)
    assert browser_problems == []


def test_typing_a_name_fills_the_organisation_select(page, live_server, demo, browser_problems):
    signed_in(page, live_server, UserFactory(staff=True))
    page.goto(live_server.url + "/adhesions/nouvelle/structure/")
    assert page.locator("#id_legal_unit option").count() == 1  # « — choisir — » alone
    page.get_by_label("Chercher une structure").fill("fictive")
    # A locator wait, not wait_for_function: the CSP forbids the eval that one relies on.
    page.locator("#id_legal_unit option").nth(1).wait_for(state="attached")
    assert browser_problems == []


def test_the_printed_receipt_hides_the_site_s_header(page, live_server, demo):
    signed_in(page, live_server, UserFactory(staff=True))
    page.goto(live_server.url + f"/adhesions/{_paid()}/recu/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert page.get_by_role("heading", name="Reçu de cotisation").is_visible()


def test_on_a_phone_staff_add_a_board_member_and_read_the_board(
    phone, live_server, transactional_db
):
    person = PersonFactory(first_name="Maïwenn", last_name="Le Goff", email="maiwenn@exemple.test")
    CollegeFactory(name="Collège des associations")
    signed_in(phone, live_server, UserFactory(staff=True))

    phone.goto(live_server.url + "/adhesions/")
    phone.get_by_role("link", name="Conseil d’administration").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Conseil d’administration")
    assert not phone.evaluate(OVERFLOW)
    assert_no_serious_axe_violations(phone)

    phone.get_by_role("link", name="Ajouter un membre du conseil").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Ajouter un membre du conseil")
    assert not phone.evaluate(OVERFLOW)
    assert_no_serious_axe_violations(phone)
    phone.get_by_label("Membre du conseil").select_option(label=f"{person} ({person.email})")
    phone.get_by_label("Fonction").select_option(label="Trésorier·e")
    phone.get_by_label("Collège").select_option(label="Collège des associations")
    phone.get_by_label("Depuis le").fill("2025-06-14")
    phone.get_by_role("button", name="Enregistrer").click()

    expect(phone.get_by_text("Le siège au conseil est enregistré.")).to_be_visible()
    expect(phone.get_by_role("cell", name="Trésorier·e")).to_be_visible()
    assert not phone.evaluate(OVERFLOW)
    assert BoardSeat.objects.get().role == BoardRole.TREASURER
