"""A representative's « Mes structures » pages in real Chromium: clean load, axe at phone and
desktop widths, and the edit form and the confirmation reachable with the keyboard alone."""

import pytest

from maillage.directory.demo import create_demo_directory
from maillage.directory.enums import ClaimStatus
from maillage.directory.models import Claim, EditProposal, Establishment
from tests.browser.conftest import AXE_SCRIPT, DESKTOP, MOBILE, open_page
from tests.browser.sessions import signed_in
from tests.factories import UserFactory

pytestmark = pytest.mark.browser
SERIOUS = {"serious", "critical"}


@pytest.fixture
def representative(hub_data):
    create_demo_directory(count=40)
    site = Establishment.objects.published().order_by("pk").first()
    member = UserFactory(email="representante@exemple.org")
    Claim.objects.create(legal_unit=site.legal_unit, user=member, status=ClaimStatus.APPROVED)
    other = Establishment.objects.published().exclude(legal_unit=site.legal_unit).first()
    return member, site, other


def _paths(site, other):
    return [
        "/espace-membre/structures/",
        f"/espace-membre/structures/{site.pk}/modifier/",
        f"/annuaire/{other.pk}/revendiquer/",
    ]


@pytest.mark.parametrize("viewport", [MOBILE, DESKTOP], ids=["375px", "1280px"])
def test_member_pages_load_and_pass_axe(
    browser, browser_problems, live_server, representative, viewport
):
    member, site, other = representative
    context, page = open_page(browser, viewport, browser_problems, bypass_csp=True)
    signed_in(page, live_server, member)
    for path in _paths(site, other):
        response = page.goto(live_server.url + path)

        assert response.status == 200, path
        assert page.locator("h1").count() == 1, path
        assert "INVALID_TEMPLATE_VARIABLE" not in page.content()
        page.add_script_tag(path=str(AXE_SCRIPT))
        results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        serious = [v for v in results["violations"] if v["impact"] in SERIOUS]
        assert not serious, (
            path,
            [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in serious],
        )
    context.close()


def _tab_to(page, selector: str, limit: int = 80) -> list[str]:
    """Press Tab until `selector` has the focus; return the names of the fields passed."""
    names = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return names
        names.append(page.evaluate("document.activeElement.name || ''"))
    raise AssertionError(f"{selector} never got the focus; passed {names}")


def test_the_edit_form_is_filled_and_sent_with_the_keyboard(page, live_server, representative):
    member, site, _ = representative
    signed_in(page, live_server, member)
    page.goto(live_server.url + f"/espace-membre/structures/{site.pk}/modifier/")

    page.focus("#id_description")
    page.keyboard.press("Control+A")
    page.keyboard.type("Notre atelier répare les vélos du quartier.")
    passed = _tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")

    page.wait_for_url("**/espace-membre/structures/")
    assert {"website", "email", "phone", "contacts_public", "opening_hours"} <= set(passed)
    assert "Modifications envoyées" in page.content()
    proposal = EditProposal.objects.get(establishment=site)
    assert proposal.changes["description"] == "Notre atelier répare les vélos du quartier."


def test_an_entry_is_confirmed_with_the_keyboard(page, live_server, representative):
    member, site, _ = representative
    signed_in(page, live_server, member)
    page.goto(live_server.url + "/espace-membre/structures/")

    _tab_to(page, "form[action$='/confirmer/'] button")
    page.keyboard.press("Enter")

    page.wait_for_selector("text=est confirmée")
    site.refresh_from_db()
    assert site.last_confirmed_on is not None
