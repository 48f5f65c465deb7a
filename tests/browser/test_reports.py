"""The targets page and the yearly activity report in real Chromium at 390 px: axe-clean, no
console error, nothing wider than the phone (tables scroll inside their box, charts shrink)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from maillage.activities.demo import create_demo_activities
from maillage.directory.demo import create_demo_directory
from maillage.reports.annual.demo import create_demo_report
from maillage.reports.indicators.demo import create_demo_targets
from tests.browser.conftest import AXE_SCRIPT, open_page
from tests.browser.sessions import signed_in
from tests.factories import UserFactory

pytestmark = pytest.mark.browser
SERIOUS = {"serious", "critical"}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone_audit_page(browser, browser_problems, live_server):
    """At 390 px, CSP bypassed only so that axe-core can be injected for the audit."""
    context, page = open_page(browser, PHONE, browser_problems, bypass_csp=True)
    yield page
    context.close()


@pytest.fixture
def demo(hub_data):
    create_demo_directory(count=30)
    create_demo_activities()
    create_demo_targets()
    create_demo_report()


def pages():
    year = timezone.localdate().year
    return [
        reverse("indicators:targets", args=[year]),
        reverse("indicators:edit_targets", args=[year, "1a.1"]),
        reverse("annual:report", args=[year]),
        reverse("annual:texts", args=[year]),
        reverse("annual:version", args=[year, 1]),
    ]


@pytest.mark.parametrize("index", range(5))
def test_report_pages_fit_a_phone_and_pass_axe(phone_audit_page, live_server, demo, index):
    page = signed_in(phone_audit_page, live_server, UserFactory(staff=True))
    response = page.goto(live_server.url + pages()[index])
    assert response.status == 200
    assert page.locator("h1").count() == 1
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
    page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    serious = [v for v in results["violations"] if v["impact"] in SERIOUS]
    assert not serious, [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in serious]
