"""The staff home in real Chromium: axe-clean, at desktop width and at 390 px with no horizontal
overflow, every counter a link, the back-office bar leading to the staff's pages."""

from datetime import timedelta

import pytest
from django.utils import timezone

from maillage.activities.demo import create_demo_activities
from maillage.directory.demo import create_demo_directory
from maillage.support.journeys.stage_file import load_stages
from tests.activities.factories import ActivityFactory, RegistrationFactory
from tests.browser.conftest import DESKTOP, open_page
from tests.browser.sessions import assert_no_serious_axe_violations, signed_in
from tests.factories import UserFactory
from tests.journeys.factories import ReferralFactory

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def desk_rows(hub_data, tmp_path):
    create_demo_directory(count=40)
    create_demo_activities()
    load_stages(tmp_path)
    # A long title in the fortnight and referrals waiting: the lines that could overflow.
    activity = ActivityFactory(
        title="Atelier de présentation des coopératives d’activité et d’emploi du territoire",
        starts_at=timezone.now() + timedelta(days=2),
        capacity=12,
    )
    RegistrationFactory(activity=activity)
    for _ in range(3):
        ReferralFactory()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["bureau", "390px"])
def test_staff_home_is_accessible_and_fits_the_screen(
    browser, browser_problems, live_server, desk_rows, viewport
):
    context, page = open_page(browser, viewport, browser_problems, bypass_csp=True)
    try:
        signed_in(page, live_server, UserFactory(staff=True))

        response = page.goto(live_server.url + "/equipe/")

        assert response.status == 200
        assert page.locator("h1").inner_text() == "Aujourd’hui pour l’équipe"
        assert "INVALID_TEMPLATE_VARIABLE" not in page.content()
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{overflow} px de débordement horizontal"
        counters = page.locator(".desk-counter > a")
        assert counters.count() >= 10
        assert_no_serious_axe_violations(page)
    finally:
        context.close()


def test_the_back_office_bar_leads_from_the_staff_home_to_the_agenda(page, live_server, desk_rows):
    signed_in(page, live_server, UserFactory(staff=True))
    page.goto(live_server.url + "/equipe/")

    bar = page.get_by_role("navigation", name="Navigation de l’équipe")
    assert bar.get_by_role("link", name="Aujourd’hui").get_attribute("aria-current") == "page"
    bar.get_by_role("link", name="Agenda").click()

    page.wait_for_url(live_server.url + "/agenda/equipe/")
    bar = page.get_by_role("navigation", name="Navigation de l’équipe")
    assert bar.get_by_role("link", name="Agenda").get_attribute("aria-current") == "page"
