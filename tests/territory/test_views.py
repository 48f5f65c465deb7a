import pytest
from django.template import Context, Template
from django.urls import reverse

from maillage.territory.importer import import_territory
from maillage.territory.models import Commune
from tests.territory.conftest import spec
from tests.typeset import french

pytestmark = pytest.mark.django_db

OVERVIEW = reverse("territory:overview")
GEOJSON = reverse("territory:communes_geojson")


def test_overview_lists_the_territory_communes_by_departement_to_anyone(client, canal):
    response = client.get(OVERVIEW)

    html = response.content.decode()
    assert response.status_code == 200
    assert french("<h1>Le territoire : Pays du Canal</h1>") in html
    assert "3 communes" in html
    assert "3\N{NO-BREAK SPACE}500 habitants" in html
    assert french("Ille-et-Vilaine (35) :") in html
    assert french("Loire-Atlantique (44) :") in html
    assert html.index("Ille-et-Vilaine (35)") < html.index("Loire-Atlantique (44)")
    assert '<th scope="row">Bourg-Neuf</th>' in html
    assert "44290, 44460" in html
    assert "Dehors" not in html
    assert "INVALID_TEMPLATE_VARIABLE" not in html


def test_overview_carries_an_accessible_map_hook_and_the_source_note(client, canal):
    html = client.get(OVERVIEW).content.decode()

    assert f'data-maillage-map="{GEOJSON}"' in html
    assert 'aria-label="Carte des communes du territoire Pays du Canal"' in html
    assert "vendor/leaflet/leaflet.js" in html
    assert "territory/map.js" in html
    assert "data-maillage-map-tiles" not in html  # outlines only, no tile server
    footer = html[html.index("<footer") :]
    assert french("Données territoriales : INSEE, COG de test.") in footer
    assert french("Millésime : COG test.") in footer


def test_overview_passes_the_tile_url_when_one_is_set(client, canal, settings):
    settings.MAP_TILE_URL = "https://{s}.tuiles.example.org/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = "© Contributeurs d’OpenStreetMap"

    html = client.get(OVERVIEW).content.decode()

    assert 'data-maillage-map-tiles="https://{s}.tuiles.example.org/{z}/{x}/{y}.png"' in html
    assert 'data-maillage-map-attribution="© Contributeurs d’OpenStreetMap"' in html
    # The Content-Security-Policy that lets the tiles in: tests/core/test_map_tiles.py


def test_overview_says_plainly_when_the_territory_is_not_loaded(client):
    response = client.get(OVERVIEW)

    html = response.content.decode()
    assert response.status_code == 200
    assert "n’est pas encore chargé" in html
    assert "data-maillage-map" not in html
    assert "INVALID_TEMPLATE_VARIABLE" not in html


def test_geojson_holds_only_the_territory_communes(client, canal, cog_dir):
    # a second, non-default territory: its communes must not leak into the hub's map
    import_territory(spec(slug="ailleurs", epci_codes=("200000002",)), cog_dir)

    response = client.get(GEOJSON)

    data = response.json()
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    assert data["type"] == "FeatureCollection"
    assert [f["properties"] for f in data["features"]] == [
        {"code": "35001", "nom": "Aval", "population": 1000},
        {"code": "35002", "nom": "Bourg-Neuf", "population": 2000},
        {"code": "44001", "nom": "Canal", "population": 500},
    ]
    assert Commune.objects.filter(code="44002").exists()


def test_geojson_features_are_valid_polygons_at_five_decimals(client, canal):
    Commune.objects.filter(code="44001").update(
        outline={"type": "Polygon", "coordinates": [[[-2.1234567, 47.0], [-2.0, 47.1]]]}
    )

    features = client.get(GEOJSON).json()["features"]

    for feature in features:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
        ring = feature["geometry"]["coordinates"][0]
        if feature["geometry"]["type"] == "MultiPolygon":
            ring = ring[0]
        assert all(len(point) == 2 for point in ring)
    canal_feature = next(f for f in features if f["id"] == "44001")
    assert canal_feature["geometry"]["coordinates"][0][0] == [-2.12346, 47.0]


def test_geojson_is_an_empty_collection_when_the_territory_is_not_loaded(client):
    assert client.get(GEOJSON).json() == {"type": "FeatureCollection", "features": []}


def test_source_note_include_and_tag_show_the_territory_provenance(canal):
    include = Template('{% include "territory/partials/source_note.html" with territory=t %}')
    tag = Template("{% load territory_tags %}{% territory_source_note %}")

    for html in (include.render(Context({"t": canal})), tag.render(Context())):
        assert "INSEE, COG de test." in html
        assert "COG test" in html


def test_source_note_is_empty_without_a_territory(db):
    tag = Template("{% load territory_tags %}{% territory_source_note %}")

    assert tag.render(Context()).strip() == ""
