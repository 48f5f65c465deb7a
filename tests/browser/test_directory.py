"""The public directory in real Chromium: list and organisation page load cleanly, searching by
typing updates the results (and the address), the keyboard reaches everything, axe-core passes."""

import pytest

from maillage.directory.demo import create_demo_directory
from maillage.directory.models import Establishment
from tests.browser.conftest import AXE_SCRIPT

pytestmark = pytest.mark.browser

SERIOUS = {"serious", "critical"}


@pytest.fixture
def demo(hub_data):
    create_demo_directory()
    site = Establishment.objects.published().exclude(longitude=None).order_by("pk").first()
    return site


def detail_path(site):
    return site.get_absolute_url()


def test_the_list_loads_and_typing_updates_results_and_address(page, live_server, demo):
    response = page.goto(live_server.url + "/annuaire/")
    assert response.status == 200
    assert page.locator("h1").count() == 1
    total = page.locator("#nombre-resultats").inner_text()
    assert "organisations trouvées" in total

    page.fill("#recherche", "cuma")
    page.wait_for_url("**/annuaire/?q=cuma*")
    page.wait_for_function(
        "document.querySelector('#nombre-resultats').textContent.includes('«\\u00a0cuma\\u00a0»')"
    )

    names = page.locator(".directory-result__name").all_inner_texts()
    assert names
    assert all("CUMA" in name for name in names)
    assert "INVALID_TEMPLATE_VARIABLE" not in page.content()


def test_changing_a_filter_updates_the_results(page, live_server, demo):
    page.goto(live_server.url + "/annuaire/")

    page.check("#famille-mutuelle")
    page.wait_for_url("**famille=mutuelle*")
    page.wait_for_function(
        "document.querySelector('#nombre-resultats').textContent.includes('organisation')"
        " && document.querySelectorAll('.directory-result').length < 10"
    )

    names = page.locator(".directory-result__name").all_inner_texts()
    assert names
    assert all(name.startswith("Mutuelle fictive") for name in names)


def test_the_keyboard_reaches_the_search_box_and_a_result(page, live_server, demo):
    page.goto(live_server.url + "/annuaire/")
    searches = []
    page.on("request", lambda r: "q=canoe" in r.url and searches.append(r.url))

    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "recherche":
            break
    page.keyboard.type("canoe")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=canoe*")
    page.wait_for_function(
        "document.querySelector('#nombre-resultats').textContent.includes('«\\u00a0canoe\\u00a0»')"
    )
    # Enter sends the search once: a second, identical request still running would be cut
    # off when the person follows a result.
    page.wait_for_timeout(500)
    assert len(searches) == 1, searches
    first = page.locator(".directory-result__name a").first
    first.focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert "Canoë" in page.locator("h1").inner_text()


def test_the_organisation_page_draws_its_map(page, live_server, demo):
    response = page.goto(live_server.url + detail_path(demo))

    assert response.status == 200
    page.wait_for_selector(".directory-place-map .leaflet-interactive")
    assert page.locator("h1").inner_text() == demo.display_name


@pytest.mark.parametrize("kind", ["list", "detail", "search"])
def test_axe_core_finds_no_serious_violation(audit_page, live_server, demo, kind):
    path = {"list": "/annuaire/", "detail": detail_path(demo), "search": "/annuaire/?q=jardin"}
    audit_page.goto(live_server.url + path[kind])
    audit_page.add_script_tag(path=str(AXE_SCRIPT))

    results = audit_page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")

    serious = [v for v in results["violations"] if v["impact"] in SERIOUS]
    assert not serious, "\n".join(f"{v['id']}: {v['help']}" for v in serious)
