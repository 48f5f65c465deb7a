"""The observatory overview in real Chromium: no console error, no CSP violation, axe-clean."""

import re

import pytest

from maillage.directory.demo import create_demo_directory
from maillage.observatory.demo import create_demo_observatory
from tests.browser.conftest import AXE_SCRIPT

pytestmark = pytest.mark.browser
SERIOUS = {"serious", "critical"}


@pytest.fixture
def observatory(hub_data):
    return create_demo_observatory()


def test_overview_loads_with_no_console_error(page, live_server, observatory):
    response = page.goto(live_server.url + "/observatoire/")

    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert "INVALID_TEMPLATE_VARIABLE" not in page.content()
    assert page.locator("svg").count() >= 3


def test_overview_passes_axe(audit_page, live_server, observatory):
    audit_page.goto(live_server.url + "/observatoire/")
    audit_page.add_script_tag(path=str(AXE_SCRIPT))

    results = audit_page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")

    serious = [v for v in results["violations"] if v["impact"] in SERIOUS]
    assert not serious, [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in serious]


@pytest.fixture
def demo_observatory(hub_data):
    create_demo_directory()  # the full demonstration directory, as `make run` loads it
    return create_demo_observatory()


def test_the_key_figures_sheet_prints_on_one_a4_page(page, live_server, demo_observatory):
    page.goto(live_server.url + "/observatoire/")

    pdf = page.pdf(format="A4")  # Chromium prints with the page's print stylesheet

    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages == 1
    assert page.locator(".key-sheet svg").count() >= 3  # the charts are on the sheet
