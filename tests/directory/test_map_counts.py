"""The map's counts kept per tile: the cells read from them are those of the entries, and a
change shows on the map at once (the counts wait for their rebuild, queued on commit)."""

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maillage.directory import grid, map_clusters
from maillage.directory.exports.map_points import (
    MAX_ZOOM,
    Viewport,
    _counted_groups,
    _merged,
    cells,
)
from maillage.directory.models import Establishment, MapTileCount
from tests.directory.test_map import REDON, located, points, reference_cells, scattered, summary

pytestmark = pytest.mark.django_db
__all__ = ["scattered"]  # the fixture, used by name


@pytest.fixture
def counted(scattered):
    assert map_clusters.rebuild()
    assert map_clusters.is_fresh()


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    west=st.floats(-2.4, -1.9),
    south=st.floats(47.45, 47.8),
    width=st.floats(0.001, 0.8),
    height=st.floats(0.001, 0.6),
    zoom=st.integers(0, MAX_ZOOM),
)
def test_cells_from_the_counts_are_those_of_the_entries(counted, west, south, width, height, zoom):
    viewport = Viewport(west, south, west + width, south + height, zoom)
    queryset = Establishment.objects.published().located()
    level = viewport.level()
    if level <= grid.TILE_ZOOM:
        groups = _counted_groups(viewport, level, ())
        assert summary(_merged(groups)) == reference_cells(viewport)
    assert by_first(cells(queryset, viewport, ())) == by_first(cells(queryset, viewport))


def by_first(rows):
    """Cells keyed by their smallest id; centroids rounded (sums added in another order)."""
    return {
        row["first"]: {**row, "lon": round(row["lon"], 9), "lat": round(row["lat"], 9)}
        for row in rows
    }


def test_a_family_reads_its_own_counts(counted, client):
    cooperative = located(-2.0, 47.7, cooperative=True)
    assert map_clusters.rebuild()
    data = points(client, zoom=11, famille="cooperative")
    assert data["total"] == 1
    assert data["features"][0]["properties"]["id"] == cooperative.pk
    assert MapTileCount.objects.filter(family="cooperative").count() == 1


def test_an_edit_shows_at_once_and_queues_a_count(
    counted, client, django_capture_on_commit_callbacks
):
    before = points(client, zoom=11)["total"]
    with django_capture_on_commit_callbacks() as queued:
        located(*REDON)
    assert not map_clusters.is_fresh()  # the map reads the entries meanwhile
    cache.clear()
    assert points(client, zoom=11)["total"] == before + 1

    for callback in queued:
        callback()  # the task backend of the tests runs the rebuild there and then
    assert map_clusters.is_fresh()
    cache.clear()
    assert points(client, zoom=11)["total"] == before + 1


def test_counts_marked_stale_serve_again_only_once_rebuilt(counted):
    map_clusters.mark_stale()  # as a bulk path does
    assert not map_clusters.is_fresh()
    assert map_clusters.rebuild()
    assert map_clusters.is_fresh()
