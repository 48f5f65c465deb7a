"""The agenda's month grid in real Chromium: axe-clean on a desktop, and at 390 px the list
replaces the grid with no horizontal overflow."""

import pytest
from django.utils import timezone

from maillage.activities.demo import create_demo_activities
from maillage.activities.models import Activity
from tests.browser.conftest import DESKTOP, open_page
from tests.browser.sessions import assert_no_serious_axe_violations

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def forum_month(hub_data):
    create_demo_activities()
    forum = Activity.objects.get(slug="forum-ess")
    return f"/agenda/mois/{timezone.localdate(forum.starts_at):%Y-%m}/"


@pytest.mark.parametrize(
    ("viewport", "grid_shown"), [(DESKTOP, True), (PHONE, False)], ids=["bureau", "390px"]
)
def test_the_month_is_a_grid_on_a_desktop_and_a_list_on_a_phone(
    browser, browser_problems, live_server, forum_month, viewport, grid_shown
):
    context, page = open_page(browser, viewport, browser_problems, bypass_csp=True)
    try:
        response = page.goto(live_server.url + forum_month)
        assert response.status == 200
        grid = page.get_by_role("table")
        assert grid.is_visible() == grid_shown
        assert page.locator(".month-list").is_visible() != grid_shown
        shown = grid if grid_shown else page.locator(".month-list")
        shown.get_by_role("link", name="Forum de l’ESS du Pays de Redon").first.click()
        page.wait_for_url("**/agenda/forum-ess/")
        page.go_back()
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{overflow} px de débordement horizontal"
        assert_no_serious_axe_violations(page)
        page.get_by_role("link", name="Mois suivant").click()
        page.wait_for_url("**/agenda/mois/**")
        assert page.url != live_server.url + forum_month
    finally:
        context.close()
