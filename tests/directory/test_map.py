"""The map page and its points: bounding box, zoom, clusters, cap, filters, published only."""

import random
from collections import Counter

import pytest
from django.core.cache import cache
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maillage.directory import grid, map_clusters
from maillage.directory.exports.map_points import (
    MAX_FEATURES,
    MAX_ZOOM,
    Viewport,
    _cell_groups,
    _merged,
    _tile_groups,
    cells,
    feature_collection,
)
from maillage.directory.models import Establishment
from maillage.territory.models import Commune
from tests.directory.factories import CommuneFactory, EstablishmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_map_cache():
    """The points of an area are cached a minute; every test starts with none."""
    cache.clear()


REDON = (-2.0852, 47.6517)
BBOX = "-2.3,47.5,-1.8,47.9"


def points(client, bbox=BBOX, zoom=11, **filters):
    response = client.get(reverse("directory:map_points"), {"bbox": bbox, "zoom": zoom, **filters})
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/geo+json"
    return response.json()


def located(lon, lat, **traits):
    return EstablishmentFactory(longitude=lon, latitude=lat, **traits)


def test_map_page_offers_the_same_results_as_a_list(client):
    located(*REDON)
    response = client.get(reverse("directory:map"), {"famille": "cooperative", "q": "pain"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Voir ces résultats sous forme de liste" in html
    assert 'href="/annuaire/?q=pain&amp;famille=cooperative"' in html
    assert 'data-maillage-map-filters="q=pain&amp;famille=cooperative"' in html
    assert "<script>" not in html
    assert "INVALID_TEMPLATE_VARIABLE" not in html


def test_map_page_answers_400_with_a_message_on_a_bad_filter(client):
    response = client.get(reverse("directory:map"), {"tri": "provenance"})
    assert response.status_code == 400
    assert "Tri impossible" in response.content.decode()


def test_points_are_those_of_the_bounding_box(client):
    inside = located(*REDON)
    located(2.35, 48.85)  # Paris
    data = points(client, zoom=16)
    assert data["type"] == "FeatureCollection"
    assert [f["properties"]["id"] for f in data["features"]] == [inside.pk]
    feature = data["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": list(REDON)}
    assert feature["properties"]["url"].startswith(f"/annuaire/{inside.pk}-")
    assert set(feature["properties"]) == {"id", "nom", "famille", "commune", "url", "count"}


def test_points_never_include_hidden_closed_or_non_ess_entries(client):
    located(*REDON, hidden=True)
    located(*REDON, closed=True)
    located(*REDON, not_ess=True)
    assert points(client)["features"] == []


def test_points_follow_the_directory_filters(client):
    located(*REDON, cooperative=True)
    association = located(-2.0, 47.7, association=True)
    data = points(client, zoom=16, famille="association")
    assert [f["properties"]["id"] for f in data["features"]] == [association.pk]


def test_nearby_points_are_clustered_at_low_zoom(client):
    for step in range(5):
        located(-2.08 + step * 0.001, 47.65)
    data = points(client, zoom=8)
    assert len(data["features"]) == 1
    cluster = data["features"][0]["properties"]
    assert cluster["count"] == 5
    assert "url" not in cluster
    assert cluster["bbox"] == [-2.08, 47.65, pytest.approx(-2.076), 47.65]
    assert data["total"] == 5


@pytest.mark.parametrize("counted", [False, True], ids=["entrées", "comptes par case"])
def test_a_cluster_says_how_many_of_each_family_it_holds_most_numerous_first(client, counted):
    traits = ["cooperative", "association", "cooperative", "mutuelle", "cooperative", "not_ess"]
    for step, trait in enumerate(traits):
        located(-2.08 + step * 0.001, 47.65, **{trait: True})
    if counted:
        map_clusters.refresh()
        assert map_clusters.is_fresh()

    (cluster,) = points(client, zoom=8)["features"]

    assert list(cluster["properties"]["familles"].items()) == [
        ("cooperative", 3),
        ("association", 1),
        ("mutuelle", 1),
    ]


def test_clusters_split_when_zooming_in(client):
    for step in range(5):
        located(-2.08 + step * 0.01, 47.65)
    data = points(client, zoom=16, bbox="-2.1,47.6,-2.0,47.7")
    assert [f["properties"]["count"] for f in data["features"]] == [1] * 5


def test_features_are_capped_whatever_the_zoom(client):
    commune = CommuneFactory()
    for column in range(30):
        for row in range(20):
            located(-2.3 + column * 0.015, 47.5 + row * 0.02, commune=commune)
    data = points(client, zoom=20)
    assert len(data["features"]) <= MAX_FEATURES
    assert data["total"] == 600


@pytest.mark.parametrize(
    ("bbox", "zoom"),
    [
        ("-2.3,47.5,-1.8", 11),
        ("-2.3,47.5,-1.8,47.9,3", 11),
        ("nan,47.5,-1.8,47.9", 11),
        ("-2.3,47.5,inf,47.9", 11),
        ("-1.8,47.5,-2.3,47.9", 11),
        ("-2.3,47.9,-1.8,47.5", 11),
        ("-200,47.5,-1.8,47.9", 11),
        ("-2.3,-95,-1.8,47.9", 11),
        ("a,b,c,d", 11),
        ("", 11),
        (BBOX, 99),
        (BBOX, -1),
        (BBOX, "11.5"),
        (BBOX, ""),
        (BBOX, "9" * 400),
    ],
)
def test_a_bad_bounding_box_or_zoom_is_a_400_with_a_french_message(client, bbox, zoom):
    response = client.get(reverse("directory:map_points"), {"bbox": bbox, "zoom": zoom})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["erreur"].startswith(("Le ", "Les ", "Dans "))


def test_a_bad_filter_on_the_points_is_a_400(client):
    response = client.get(
        reverse("directory:map_points"), {"bbox": BBOX, "zoom": 11, "tri": "provenance"}
    )
    assert response.status_code == 400
    assert "Tri impossible" in response.json()["erreur"]


def test_points_take_three_queries_whatever_their_number(client, django_assert_num_queries):
    """The cells' aggregate, then the communes' names and the single organisations' names; a
    large area first asks whether the counts kept per tile are up to date (`map_clusters`)."""
    commune = CommuneFactory()
    for step in range(20):
        located(-2.08 + step * 0.01, 47.65, commune=commune)
    street = "-2.085,47.64,-2.055,47.66"  # narrow enough for zoom 16's cells: single points
    for bbox, zoom, expected in ((BBOX, 11, 3), (street, 16, 3)):
        cache.clear()
        with django_assert_num_queries(expected):
            client.get(reverse("directory:map_points"), {"bbox": bbox, "zoom": zoom})


def test_the_same_area_is_served_from_the_cache(client, django_assert_num_queries):
    located(*REDON)
    first = points(client)
    with django_assert_num_queries(0):
        assert points(client) == first


# The grid's cells, computed the obvious way from every row: what the indexed aggregates must
# reproduce exactly, whichever of their two paths (tiles for large areas, cells for small) runs.
def reference_cells(viewport: Viewport) -> dict[tuple[int, int], tuple]:
    shift = grid.shift_of(viewport.level())
    cells: dict[tuple[int, int], list] = {}
    for site in Establishment.objects.published().located().select_related("commune"):
        if not (
            viewport.min_lon <= site.longitude <= viewport.max_lon
            and viewport.min_lat <= site.latitude <= viewport.max_lat
        ):
            continue
        column, row = grid.grid_of(site.longitude, site.latitude)
        cells.setdefault((column >> shift, row >> shift), []).append(site)
    return {
        key: (
            len(sites),
            min(site.pk for site in sites),
            min(site.commune.name for site in sites),
            min(s.longitude for s in sites),
            max(s.longitude for s in sites),
            min(s.latitude for s in sites),
            max(s.latitude for s in sites),
            sorted(Counter(site.family for site in sites).items()),
        )
        for key, sites in cells.items()
    }


def summary(cells: dict[tuple[int, int], dict]) -> dict[tuple[int, int], tuple]:
    return {
        key: (
            cell["count"],
            cell["first"],
            min(names[pk] for pk in cell["communes"]),
            cell["west"],
            cell["east"],
            cell["south"],
            cell["north"],
            sorted(cell["families"].items()),
        )
        for key, cell in cells.items()
        for names in [dict(Commune.objects.values_list("pk", "name"))]
    }


@pytest.fixture
def scattered():
    """60 organisations around Redon in 3 communes, some piled on one spot, at fixed places."""
    communes = [CommuneFactory() for _ in range(3)]
    rng = random.Random(7)
    for index in range(60):
        spot = REDON if index % 10 == 0 else (-2.3 + rng.random() * 0.5, 47.5 + rng.random() * 0.4)
        # Three families, so that each cell's counts by family are checked too.
        family = ("association", "mutuelle", "fondation")[index % 7 % 3]
        located(*spot, commune=communes[index % 3], **{family: True})
    located(-2.1, 47.6, hidden=True)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    west=st.floats(-2.4, -1.9),
    south=st.floats(47.45, 47.8),
    width=st.floats(0.001, 0.8),
    height=st.floats(0.001, 0.6),
    zoom=st.integers(0, MAX_ZOOM),
)
def test_indexed_cells_are_those_computed_row_by_row(scattered, west, south, width, height, zoom):
    viewport = Viewport(west, south, west + width, south + height, zoom)
    queryset = Establishment.objects.published().located()
    inside = queryset.filter(
        longitude__gte=viewport.min_lon,
        longitude__lte=viewport.max_lon,
        latitude__gte=viewport.min_lat,
        latitude__lte=viewport.max_lat,
    ).order_by()
    level = viewport.level()
    expected = reference_cells(viewport)
    assert summary(_merged(_cell_groups(inside, level))) == expected
    if level <= grid.TILE_ZOOM:
        assert summary(_merged(_tile_groups(inside, viewport, level))) == expected
    data = feature_collection(cells(queryset, viewport))
    assert data["total"] == sum(count for count, *_ in expected.values())
    assert len(data["features"]) == len(expected) <= MAX_FEATURES


def test_clusters_stay_the_same_while_the_map_pans(client):
    for step in range(6):
        located(-2.08 + step * 0.002, 47.65 + step * 0.001)
    before = points(client, bbox="-2.3,47.5,-1.8,47.9", zoom=11)["features"]
    cache.clear()
    after = points(client, bbox="-2.25,47.55,-1.75,47.95", zoom=11)["features"]
    assert before == after


@pytest.mark.parametrize(
    ("query", "opened"),
    [
        ({}, False),
        ({"famille": "cooperative"}, False),
        ({"famille": "cooperative", "q": "pain"}, True),
    ],
)
def test_the_filters_disclosure_opens_on_filters_the_legend_does_not_show(client, query, opened):
    html = client.get(reverse("directory:map"), query).content.decode()

    assert ('<details class="map-page__filters" open>' in html) is opened
    assert html.index("data-maillage-directory-map") < html.index("map-page__filters")
