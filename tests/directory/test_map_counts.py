"""The map's counts kept per zoom level and cell: the cells read from them are those of the
entries, and a change shows on the map at once (its tile is dirty until the refresh that runs
when its transaction commits)."""

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
from maillage.directory.models import Establishment, MapCellCount, MapDirtyTile
from tests.directory.test_map import REDON, located, points, reference_cells, scattered, summary

pytestmark = pytest.mark.django_db
__all__ = ["scattered"]  # the fixture, used by name


@pytest.fixture
def counted(scattered):
    assert not map_clusters.is_fresh()  # the entries' tiles, marked by the database
    map_clusters.refresh()
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
    map_clusters.refresh()
    data = points(client, zoom=11, famille="cooperative")
    assert data["total"] == 1
    assert data["features"][0]["properties"]["id"] == cooperative.pk
    levels = MapCellCount.objects.filter(family="cooperative").values_list("level", flat=True)
    assert sorted(levels) == list(range(grid.TILE_ZOOM + 1))  # one cell at each level


def test_an_edit_shows_at_once_and_is_counted_on_commit(
    counted, client, django_capture_on_commit_callbacks
):
    before = points(client, zoom=11)["total"]
    with django_capture_on_commit_callbacks() as queued:
        located(*REDON)
    assert not map_clusters.is_fresh()  # the map reads the entries meanwhile
    cache.clear()
    assert points(client, zoom=11)["total"] == before + 1

    for callback in queued:
        callback()
    assert map_clusters.is_fresh()
    cache.clear()
    assert points(client, zoom=11)["total"] == before + 1


def test_a_write_no_signal_sees_marks_its_tiles_until_refreshed(counted):
    site = Establishment.objects.published().located().first()
    moved = (site.longitude + 0.3, site.latitude)
    Establishment.objects.filter(pk=site.pk).update(longitude=moved[0], **grid.grid_fields(*moved))
    old_tile, new_tile = site.map_tile, grid.grid_fields(*moved)["map_tile"]
    assert set(MapDirtyTile.objects.values_list("tile", flat=True)) == {old_tile, new_tile}
    assert not map_clusters.is_fresh()
    map_clusters.refresh()
    assert map_clusters.is_fresh()
    assert stored() == rebuilt()


def test_a_refresh_leaves_the_counts_a_full_rebuild_writes(counted):
    sites = list(Establishment.objects.published().located()[:5])
    for site in sites[:3]:
        site.longitude, site.latitude = site.longitude + 0.05, site.latitude - 0.02
        site.save()
    sites[3].delete()
    sites[4].family = "cooperative"
    Establishment.objects.filter(pk=sites[4].pk).update(family="cooperative")
    map_clusters.refresh()
    assert stored() == rebuilt()


def stored():
    fields = ("level", "column", "row", "family", "commune_id", "count", "first", "west")
    return sorted(MapCellCount.objects.values_list(*fields))


def rebuilt():
    map_clusters.rebuild()
    return stored()


def test_the_counted_area_takes_five_queries_whatever_its_size(
    counted, client, django_assert_num_queries
):
    """The freshness, the counts of every level, the edge tiles' entries, then the communes'
    names and the single organisations' names."""
    with django_assert_num_queries(5):
        data = points(client, zoom=11)
    assert data["total"] == Establishment.objects.published().located().count()
