"""« Mes inscriptions » in real Chromium: axe-clean, no horizontal overflow at 390 px, and the
cancel link of a registration leads to its cancelling."""

import pytest

from maillage.accounts.demo import create_demo_accounts
from maillage.accounts.models import User
from maillage.activities.demo import create_demo_activities
from tests.browser.conftest import DESKTOP, open_page
from tests.browser.sessions import assert_no_serious_axe_violations, signed_in
from tests.typeset import french

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def demo_member(hub_data):
    create_demo_activities()
    create_demo_accounts()
    return User.objects.get(email="adherent@demo.maillage.test")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["bureau", "390px"])
def test_my_registrations_is_accessible_and_fits_the_screen(
    browser, browser_problems, live_server, demo_member, viewport
):
    context, page = open_page(browser, viewport, browser_problems, bypass_csp=True)
    try:
        signed_in(page, live_server, demo_member)
        response = page.goto(live_server.url + "/espace-membre/")
        assert response.status == 200
        page.get_by_role("link", name="Mes inscriptions").click()
        page.wait_for_url("**/espace-membre/inscriptions/")
        assert page.locator("h1").inner_text() == "Mes inscriptions"
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{overflow} px de débordement horizontal"
        assert_no_serious_axe_violations(page)

        cancel = french("Annuler mon inscription à « Atelier coopératif")
        page.get_by_role("link", name=cancel).click()
        page.wait_for_url("**/annuler/")
        assert "Vous êtes sur le point d’annuler" in page.locator("main").inner_text()
    finally:
        context.close()
