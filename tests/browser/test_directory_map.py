"""The directory map in real Chromium: outlines or configured tiles, clusters with a text twin
and a live count, the family legend as a filter, side cards, a view kept in the address, the
map or the list in a phone's first screen, and axe-core with no serious violation."""

import io
import math
import re

import pytest
from django.core.cache import cache
from PIL import Image

from maillage.territory.models import Commune
from tests.activities.factories import ActivityFactory
from tests.browser.conftest import AXE_SCRIPT, DESKTOP, open_page
from tests.directory.factories import EstablishmentFactory
from tests.typeset import french

pytestmark = pytest.mark.browser
SERIOUS = {"serious", "critical"}
PHONE = {"width": 390, "height": 844}
ROWS = "[data-maillage-map-rows] tr"


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
            sign="Coopérative isolée",
            cooperative=True,
            street="2 rue du Port",
            description="Une coopérative fictive de réemploi.",
            longitude=-1.95,
            latitude=47.80,
        )
    )
    EstablishmentFactory(sign="Entrée masquée", hidden=True, longitude=-2.0, latitude=47.7)
    return entries


def settled(page):
    """The list beside the map shows the area drawn (the region is busy while it loads)."""
    page.locator("[data-maillage-map-region][aria-busy='false']").wait_for(state="attached")


def moved(page, action):
    """Run `action`, then wait for the map to move (the address follows) and settle."""
    before = page.url
    action()
    page.wait_for_function("before => window.location.href !== before", arg=before)
    settled(page)


def status_of(page):
    return page.locator("[data-maillage-map-status]").inner_text()


def test_map_shows_outlines_and_clusters_with_a_text_equivalent(page, live_server, organisations):
    response = page.goto(live_server.url + "/carte/")
    assert response.status == 200

    page.wait_for_selector(".leaflet-overlay-pane path")  # commune outlines
    page.wait_for_selector(".directory-cluster, .directory-marker")
    page.locator(ROWS).first.wait_for()
    text = page.locator("[data-maillage-map-table]").inner_text()
    assert "Coopérative isolée" in text
    assert "Entrée masquée" not in page.content()
    assert french("Zone affichée : 13 structures") in status_of(page)
    assert page.locator("[data-maillage-map-status]").get_attribute("role") == "status"


def test_configured_tiles_load_under_the_csp_and_are_credited(
    page, live_server, organisations, tiles
):
    page.goto(live_server.url + "/carte/")

    page.locator(".leaflet-tile-loaded").first.wait_for()
    assert tiles.served
    credit = page.locator(".leaflet-control-attribution").inner_text()
    assert "© Tuiles de démonstration" in credit
    # A CSP refusal would be reported by the browser_problems fixture.


def test_a_cluster_zooms_in_until_organisations_appear(page, live_server, organisations):
    page.goto(live_server.url + "/carte/")
    settled(page)
    for _ in range(6):
        if page.locator("[data-maillage-map-rows] a", has_text="Structure de test 0").count():
            break
        moved(page, page.locator("[data-maillage-map-rows] button").first.click)
    link = page.locator("[data-maillage-map-rows] a", has_text="Structure de test 0")
    assert link.count() == 1
    assert link.get_attribute("href").startswith("/annuaire/")


def test_the_legend_filters_the_map_in_place(page, live_server, organisations):
    page.goto(live_server.url + "/carte/")
    page.locator(ROWS).first.wait_for()

    settled(page)

    moved(page, page.get_by_role("checkbox", name="Coopérative").check)

    assert french("Zone affichée : 1 structure (") in status_of(page)
    assert page.locator(ROWS).all_inner_texts() == ["Coopérative isolée\tCoopérative\t"]
    assert "famille=cooperative" in page.url
    list_link = page.get_by_role("link", name="Voir ces résultats sous forme de liste")
    assert list_link.get_attribute("href") == "/annuaire/?famille=cooperative"


def test_a_shared_address_restores_the_view_the_filters_and_the_card(
    browser, browser_problems, page, live_server, organisations
):
    page.goto(live_server.url + "/carte/")
    settled(page)
    moved(page, page.locator("[data-maillage-map-rows] button").first.click)  # Redon's cluster
    shared = page.url
    assert re.search(r"#carte=1[0-9]/", shared)
    shown = sorted(page.locator(ROWS).all_inner_texts())

    context, other = open_page(browser, DESKTOP, browser_problems)  # someone else's browser
    other.goto(shared)
    settled(other)
    assert other.url == shared
    assert sorted(other.locator(ROWS).all_inner_texts()) == shown
    context.close()


def test_a_point_opens_its_side_card_and_the_card_is_in_the_address(
    page, live_server, organisations
):
    coop = organisations[-1]
    ActivityFactory(title="Atelier réemploi").organisers.add(coop.legal_unit)
    page.goto(live_server.url + "/carte/?famille=cooperative#carte=14/47.80000/-1.95000")

    page.locator(".directory-marker").first.click()

    card = page.locator("[data-maillage-map-card-panel]")
    card.get_by_role("heading", name="Coopérative isolée").wait_for()
    text = card.inner_text()
    assert "2 rue du Port" in text
    assert "Une coopérative fictive de réemploi." in text
    assert "Atelier réemploi" in text
    page_link = card.get_by_role("link", name="Voir la fiche complète")
    assert page_link.get_attribute("href") == f"/annuaire/{coop.pk}-cooperative-isolee/"
    assert f"structure={coop.pk}" in page.url

    page.reload()
    card.get_by_role("heading", name="Coopérative isolée").wait_for()
    page.get_by_role("button", name="Fermer la fiche").click()
    assert card.is_hidden()
    assert "structure=" not in page.url


def test_on_a_phone_the_map_fills_the_first_screen_and_the_list_is_one_tap_away(
    browser, browser_problems, live_server, organisations
):
    context, page = open_page(browser, PHONE, browser_problems)
    page.goto(live_server.url + "/carte/")
    settled(page)

    box = page.locator("[data-maillage-directory-map]").bounding_box()
    assert PHONE["height"] - box["y"] >= 300  # 300 px of map at least before any scrolling
    assert page.locator("[data-maillage-map-table]").is_hidden()

    page.get_by_role("button", name="Liste").click()
    page.locator(ROWS).first.wait_for()
    table = page.locator("[data-maillage-map-table]").bounding_box()
    assert table["y"] < PHONE["height"]
    assert page.locator("[data-maillage-directory-map]").is_hidden()
    filters = page.locator("details.map-page__filters").bounding_box()
    assert filters["y"] > table["y"]  # results before the filters

    # A cluster picked in the list: back to the map, zoomed on it.
    moved(page, page.locator("[data-maillage-map-rows] button").first.click)
    assert page.locator("[data-maillage-directory-map]").is_visible()
    context.close()


def test_list_link_keeps_the_filters(page, live_server, organisations):
    page.goto(live_server.url + "/carte/?famille=cooperative")
    page.locator(ROWS).first.wait_for()
    assert page.locator(ROWS).count() == 1
    page.get_by_role("link", name="Voir ces résultats sous forme de liste").click()
    page.wait_for_url(live_server.url + "/annuaire/?famille=cooperative")


def audit(page):
    page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    serious = [v for v in results["violations"] if v["impact"] in SERIOUS]
    details = "\n".join(
        f"- {v['id']}: {v['help']} {[n['target'] for n in v['nodes'][:3]]}" for v in serious
    )
    assert not serious, details


@pytest.mark.parametrize("width", [390, 1280])
def test_axe_core_finds_no_serious_violation_on_the_map_and_its_card(
    audit_page, live_server, organisations, tiles, width
):
    page = audit_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/carte/#carte=14/47.80000/-1.95000")
    page.locator(".directory-marker").first.click()
    page.locator("#carte-fiche-titre").wait_for()
    audit(page)
    if width < 768:
        page.get_by_role("button", name="Liste").click()
        page.locator(ROWS).first.wait_for()
        audit(page)


def test_a_search_from_the_filters_keeps_the_view(page, live_server, organisations):
    page.goto(live_server.url + "/carte/#carte=12/47.80000/-1.95000")
    settled(page)

    page.get_by_text("Rechercher et filtrer").click()
    page.get_by_label("Rechercher").fill("isolée")
    page.get_by_role("button", name="Filtrer la carte").click()

    page.wait_for_url(re.compile(r"\?q=isol%C3%A9e#carte=12/47\.80000/-1\.95000$"))
    settled(page)
    assert page.locator(ROWS).all_inner_texts() == ["Coopérative isolée\tCoopérative\t"]


def test_on_a_touch_screen_an_organisation_is_a_24_pixel_target(
    browser, browser_problems, live_server, organisations
):
    context, page = open_page(browser, PHONE, browser_problems, has_touch=True, is_mobile=True)
    page.goto(live_server.url + "/carte/#carte=14/47.80000/-1.95000")
    settled(page)

    box = page.locator(".directory-marker").first.bounding_box()
    assert min(box["width"], box["height"]) >= 24
    context.close()


FAMILY_COLOURS = {  # map.css, --family-*
    "association": (0x0B, 0x5D, 0x4B),
    "cooperative": (0x8A, 0x5A, 0x00),
    "mutuelle": (0x2D, 0x4E, 0x9B),
}


def _ring_shares(png: bytes) -> dict[str, float]:
    """Walk a circle inside the cluster's ring and give each family's share of its pixels
    (pixels of no family colour, such as edges and antialiasing, are left out)."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    centre_x, centre_y = image.width / 2, image.height / 2
    radius = 0.41 * min(image.width, image.height)  # between the white centre and the edge
    found: dict[str, int] = {}
    for step in range(720):
        angle = 2 * math.pi * step / 720
        pixel = image.getpixel(
            (int(centre_x + radius * math.sin(angle)), int(centre_y - radius * math.cos(angle)))
        )
        for family, colour in FAMILY_COLOURS.items():
            if sum(abs(a - b) for a, b in zip(pixel, colour, strict=True)) < 40:
                found[family] = found.get(family, 0) + 1
    total = sum(found.values())
    return {family: round(n / total, 2) for family, n in found.items()}


@pytest.fixture
def mixed_cluster(hub_data):
    redon = Commune.objects.get(code="35236")
    traits = ["association", "cooperative", "association", "mutuelle", "cooperative"]
    traits.append("association")
    for i, trait in enumerate(traits):
        EstablishmentFactory(
            sign=f"Voisine {i}",
            commune=redon,
            longitude=-2.0852 + i * 0.0004,
            latitude=47.6517,
            **{trait: True},
        )


def test_a_cluster_is_a_ring_in_its_families_colours_and_says_them_in_words(
    audit_page, live_server, mixed_cluster
):
    page = audit_page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/carte/#carte=11/47.65170/-2.08420")
    settled(page)

    cluster = page.locator(".directory-cluster")
    assert cluster.count() == 1
    shares = _ring_shares(cluster.screenshot())
    assert shares == {
        "association": pytest.approx(3 / 6, abs=0.05),
        "cooperative": pytest.approx(2 / 6, abs=0.05),
        "mutuelle": pytest.approx(1 / 6, abs=0.05),
    }
    assert cluster.inner_text() == "6"
    assert cluster.get_attribute("title") == french(
        "6 structures autour de Redon (3 associations, 2 coopératives, 1 mutuelle) : zoomer"
    )
    assert page.locator(ROWS).all_inner_texts() == [
        "Regroupement de 6 structures autour de Redon\t"
        "3 associations, 2 coopératives, 1 mutuelle\tRedon"
    ]
    audit(page)
