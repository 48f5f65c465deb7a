"""The directory map in real Chromium: outlines and points load, the list link works, axe passes."""

import pytest
from django.core.cache import cache

from maillage.territory.models import Commune
from tests.browser.conftest import AXE_SCRIPT
from tests.directory.factories import EstablishmentFactory

pytestmark = pytest.mark.browser
SERIOUS = {"serious", "critical"}


@pytest.fixture(autouse=True)
def _fresh_map_cache():
    """The map's points are cached a minute per area; every test starts with none."""
    cache.clear()


@pytest.fixture
def organisations(hub_data):
    redon = Commune.objects.get(code="35236")
    near = [(-2.0852 + i * 0.0008, 47.6517 + (i % 3) * 0.0005) for i in range(12)]
    entries = [
        EstablishmentFactory(sign=f"Structure de test {i}", commune=redon, longitude=x, latitude=y)
        for i, (x, y) in enumerate(near)
    ]
    entries.append(
        EstablishmentFactory(
            sign="Coopérative isolée", cooperative=True, longitude=-1.95, latitude=47.80
        )
    )
    EstablishmentFactory(sign="Entrée masquée", hidden=True, longitude=-2.0, latitude=47.7)
    return entries


def test_map_shows_outlines_and_clusters_with_a_text_equivalent(page, live_server, organisations):
    response = page.goto(live_server.url + "/carte/")
    assert response.status == 200

    page.wait_for_selector(".leaflet-overlay-pane path")  # commune outlines
    page.wait_for_selector(".directory-cluster, .directory-marker")
    rows = page.locator("[data-maillage-map-rows] tr")
    rows.first.wait_for()
    text = page.locator("[data-maillage-map-table]").inner_text()
    assert "Coopérative isolée" in text
    assert "Entrée masquée" not in page.content()
    status = page.locator("[data-maillage-map-status]").inner_text()
    assert "Zone affichée : 13 structures" in status


def test_a_cluster_zooms_in_until_organisations_appear(page, live_server, organisations):
    page.goto(live_server.url + "/carte/")
    button = page.get_by_role("button", name="Regroupement de 12 structures", exact=False)
    for _ in range(6):
        if page.locator("[data-maillage-map-rows] a", has_text="Structure de test 0").count():
            break
        button = page.locator("[data-maillage-map-rows] button").first
        button.wait_for()
        button.click()
        page.wait_for_timeout(600)
    link = page.locator("[data-maillage-map-rows] a", has_text="Structure de test 0")
    assert link.count() == 1
    assert link.get_attribute("href").startswith("/annuaire/")


def test_list_link_keeps_the_filters(page, live_server, organisations):
    page.goto(live_server.url + "/carte/?famille=cooperative")
    page.locator("[data-maillage-map-rows] tr").first.wait_for()
    assert page.locator("[data-maillage-map-rows] tr").count() == 1
    page.get_by_role("link", name="Voir ces résultats sous forme de liste").click()
    page.wait_for_url(live_server.url + "/annuaire/?famille=cooperative")


@pytest.mark.parametrize("width", [375, 1280])
def test_axe_core_finds_no_serious_violation_on_the_map(
    audit_page, live_server, organisations, width
):
    page = audit_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/carte/")
    page.locator("[data-maillage-map-rows] tr").first.wait_for()
    page.add_script_tag(path=str(AXE_SCRIPT))

    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")

    serious = [v for v in results["violations"] if v["impact"] in SERIOUS]
    details = "\n".join(
        f"- {v['id']}: {v['help']} {[n['target'] for n in v['nodes'][:3]]}" for v in serious
    )
    assert not serious, details
