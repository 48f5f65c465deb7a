"""The commune outlines every map draws through territory/outlines.js: the territory's page and
the needs map (the directory map has its own tests in test_directory_map.py)."""

import pytest

pytestmark = pytest.mark.browser


def test_the_territory_map_draws_the_communes_names_them_and_credits_ign(
    page, live_server, hub_data
):
    page.goto(live_server.url + "/territoire/")

    page.wait_for_selector(".leaflet-overlay-pane path")
    page.locator(".leaflet-overlay-pane path").first.hover()

    assert page.locator(".leaflet-tooltip").count() == 1
    assert (
        "Contours des communes : IGN" in page.locator(".leaflet-control-attribution").inner_text()
    )


def test_the_needs_map_draws_its_layer_without_a_problem(page, live_server, hub_data):
    page.goto(live_server.url + "/besoins/carte/")

    page.locator(".leaflet-control-attribution", has_text="IGN").wait_for()
    assert page.locator(".map-error").count() == 0
