"""An organisation's page in real Chromium: its address beside a small map on the configured
tiles, its upcoming activities and services, its legal identifiers last; axe-core passes at
phone and desktop widths."""

import pytest

from maillage.territory.models import Commune
from tests.activities.factories import ActivityFactory
from tests.browser.test_directory_map import audit
from tests.directory.factories import EstablishmentFactory
from tests.services.factories import ServiceFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def site(hub_data):
    site = EstablishmentFactory(
        sign="La Maison du Canal",
        commune=Commune.objects.get(code="35236"),
        street="3 rue des Douves",
        postcode="35600",
        description="Nous réparons des vélos.",
        website="https://canal.exemple.invalid/",
        public_contacts=True,
        located=True,
    )
    ActivityFactory(title="Atelier réparation").organisers.add(site.legal_unit)
    ServiceFactory(provider=site.legal_unit, name="Diagnostic vélo")
    return site


def test_the_small_map_draws_on_the_configured_tiles(page, live_server, site, tiles):
    page.goto(live_server.url + site.get_absolute_url())

    page.locator("[data-maillage-place-map] .leaflet-tile-loaded").first.wait_for()
    assert tiles.served
    credit = page.locator("[data-maillage-place-map] .leaflet-control-attribution").inner_text()
    assert "© Tuiles de démonstration" in credit


@pytest.mark.parametrize("width", [390, 1280])
def test_axe_core_finds_no_serious_violation_on_the_organisation_page(
    audit_page, live_server, site, tiles, width
):
    audit_page.set_viewport_size({"width": width, "height": 900})
    audit_page.goto(live_server.url + site.get_absolute_url())
    audit_page.get_by_role("heading", name="Prochaines activités").wait_for()
    audit_page.get_by_role("link", name="Diagnostic vélo").wait_for()
    audit_page.locator("[data-maillage-place-map] .leaflet-tile-loaded").first.wait_for()

    audit(audit_page)
