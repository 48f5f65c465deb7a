"""The map's clusters, counted ahead per zoom level and grid cell (ADR 0016).

`MapCellCount` holds, for each zoom level up to `TILE_ZOOM`, each grid cell and each family,
what the map shows of the published, located entries there. Kept in step at write time:

- database triggers (migration 0029) write the tile of every entry whose map columns change
  into `MapDirtyTile`, whatever the path (save, bulk_create, bulk_update, a queryset's update,
  a deletion, raw SQL), in the writer's own transaction;
- `refresh` counts the dirty tiles again from their entries, then their parent cells level by
  level from the cells below (four children each), and deletes the marks it read. Every write of
  an entry or a legal unit (signals) and every bulk path asks for it when its transaction
  commits (`refresh_on_commit`), once per transaction; `rebuild_map_counts` counts everything;
- the map reads the counts only while no tile is dirty (`is_fresh`), and groups the entries
  themselves otherwise: an answer is never stale, at worst slower for a moment.

A cell is exact by construction: its counts come from its entries or from its four children.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, Max, Min, Q, Sum
from django.db.models.signals import post_delete, post_save

from maillage.directory import grid
from maillage.directory.models import Establishment, LegalUnit, MapCellCount, MapDirtyTile
from maillage.territory.models import Commune

BATCH = 2000
MARKS_BATCH = 10_000
# Past this many dirty tiles a refresh counts everything again (an import, the demo).
INCREMENTAL_TILES = 500
# What a cell of the map sums, from the stored counts or from the entries themselves.
AGGREGATES = {
    "count": Count("pk"),
    "lon_sum": Sum("longitude"),
    "lat_sum": Sum("latitude"),
    "first": Min("pk"),
    "west": Min("longitude"),
    "east": Max("longitude"),
    "south": Min("latitude"),
    "north": Max("latitude"),
}
SUMMED = ("count", "lon_sum", "lat_sum")
LOWEST = ("first", "west", "south")
HIGHEST = ("east", "north")
# A stored row's cell: (level, column, row, family).
Key = tuple[int, int, int, str]


def is_fresh() -> bool:
    return not MapDirtyTile.objects.exists()


def refresh() -> int:
    """Count the dirty tiles and their parent cells again; how many tiles were dirty."""
    if is_fresh():
        return 0
    with transaction.atomic():
        _lock()
        marks = list(MapDirtyTile.objects.values_list("pk", "tile"))
        tiles = {tile for _, tile in marks}
        if len(tiles) > INCREMENTAL_TILES:
            _rebuild_all()
        elif tiles:
            _recount(tiles)
        _forget([pk for pk, _ in marks])
    return len(tiles)


def rebuild() -> None:
    """Count every cell again from the entries (a new deployment, a renamed commune)."""
    with transaction.atomic():
        _lock()
        marks = list(MapDirtyTile.objects.values_list("pk", flat=True))
        _rebuild_all()
        _forget(marks)


def _forget(marks: list[int]) -> None:
    """Delete the marks read, not those another transaction wrote meanwhile."""
    for start in range(0, len(marks), MARKS_BATCH):
        MapDirtyTile.objects.filter(pk__in=marks[start : start + MARKS_BATCH]).delete()


def _lock() -> None:
    """One refresh at a time: each reads the cells another may be rewriting. SQLite already
    runs one writer at a time."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext('maillage.map_cell_counts'))")


def _rebuild_all() -> None:
    MapCellCount.objects.all().delete()
    tiles = _tile_rows(_entry_groups(None))
    rows: dict[Key, dict[str, Any]] = dict(tiles)
    level_rows = tiles
    for level in range(grid.TILE_ZOOM - 1, -1, -1):
        level_rows = _parents(level_rows.values(), level, None)
        rows.update(level_rows)
    _insert(rows)


def _recount(tiles: set[int]) -> None:
    """The dirty tiles from their entries, then each level's dirty cells from the level below.
    Per level, the box of the cells read (the children of the dirty cells above) is deleted
    and written again whole: one query each way for all levels."""
    dirty = {grid.TILE_ZOOM: {grid.tile_cell(tile, grid.TILE_ZOOM) for tile in tiles}}
    for level in range(grid.TILE_ZOOM - 1, -1, -1):
        dirty[level] = {(column >> 1, row >> 1) for column, row in dirty[level + 1]}
    boxes = {0: _box(dirty[0])} | {
        level: _box(
            {
                (2 * c + dc, 2 * r + dr)
                for c, r in dirty[level - 1]
                for dc in (0, 1)
                for dr in (0, 1)
            }
        )
        for level in range(1, grid.TILE_ZOOM + 1)
    }
    inside = Q()
    for level, (west, east, north, south) in boxes.items():
        inside |= Q(level=level, column__range=(west, east), row__range=(north, south))
    stored: dict[Key, dict[str, Any]] = {}
    for row in MapCellCount.objects.filter(inside).values(*_FIELDS):
        stored[(row["level"], row["column"], row["row"], row["family"])] = row
    kept = {key: row for key, row in stored.items() if key[1:3] not in dirty[key[0]]}
    tile_ids = [grid.pack_tile(column, row) for column, row in dirty[grid.TILE_ZOOM]]
    fresh = _tile_rows(_entry_groups(tile_ids))
    for level in range(grid.TILE_ZOOM - 1, -1, -1):
        below = [row for key, row in {**kept, **fresh}.items() if key[0] == level + 1]
        fresh |= _parents(below, level, dirty[level])
    MapCellCount.objects.filter(inside).delete()
    _insert({**kept, **fresh})


_FIELDS = ("level", "column", "row", "family", "commune_id", *AGGREGATES)


def _box(cells: set[tuple[int, int]]) -> tuple[int, int, int, int]:
    columns, rows = [c for c, _ in cells], [r for _, r in cells]
    return min(columns), max(columns), min(rows), max(rows)


def _entry_groups(tiles: list[int] | None) -> Iterator[dict[str, Any]]:
    """The published, located entries grouped by tile, commune and family (all, or those of
    `tiles`)."""
    listed = Establishment.objects.published().located().order_by()
    batches = (
        [None] if tiles is None else [tiles[i : i + BATCH] for i in range(0, len(tiles), BATCH)]
    )
    for batch in batches:
        entries = listed if batch is None else listed.filter(map_tile__in=batch)
        yield from (
            entries.values("map_tile", "commune_id", "family").annotate(**AGGREGATES).iterator()
        )


def _tile_rows(groups: Iterable[dict[str, Any]]) -> dict[Key, dict[str, Any]]:
    """The groups by tile and commune folded into one row per tile and family."""
    groups = list(groups)
    names = _commune_names(group["commune_id"] for group in groups)
    rows: dict[Key, dict[str, Any]] = {}
    for group in groups:
        column, row = grid.tile_cell(group.pop("map_tile"), grid.TILE_ZOOM)
        _fold(rows, (grid.TILE_ZOOM, column, row, group["family"]), group, names)
    return rows


def _parents(
    children: Iterable[dict[str, Any]], level: int, only: set[tuple[int, int]] | None
) -> dict[Key, dict[str, Any]]:
    """The rows of `level` summed from the rows of the level below (those of `only` cells)."""
    children = list(children)
    names = _commune_names(child["commune_id"] for child in children)
    rows: dict[Key, dict[str, Any]] = {}
    for child in children:
        cell = (child["column"] >> 1, child["row"] >> 1)
        if only is None or cell in only:
            _fold(rows, (level, *cell, child["family"]), child, names)
    return rows


def _fold(
    rows: dict[Key, dict[str, Any]], key: Key, group: dict[str, Any], names: dict[int, str]
) -> None:
    row = rows.get(key)
    if row is None:
        rows[key] = {
            "level": key[0],
            "column": key[1],
            "row": key[2],
            "family": key[3],
            "commune_id": group["commune_id"],
            **{name: group[name] for name in AGGREGATES},
        }
        return
    for name in SUMMED:
        row[name] += group[name]
    for name in LOWEST:
        row[name] = min(row[name], group[name])
    for name in HIGHEST:
        row[name] = max(row[name], group[name])
    row["commune_id"] = min(
        (row["commune_id"], group["commune_id"]), key=lambda pk: _name_order(pk, names)
    )


def _name_order(pk: int | None, names: dict[int, str]) -> tuple[int, str, int]:
    """The commune a cell names: the first by name; an entry without one only if none has."""
    return (1, "", 0) if pk is None else (0, names[pk], pk)


def _commune_names(ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {pk for pk in ids if pk is not None}
    return dict(Commune.objects.filter(pk__in=wanted).values_list("pk", "name")) if wanted else {}


def _insert(rows: dict[Key, dict[str, Any]]) -> None:
    cells = (MapCellCount(**row) for row in rows.values())
    MapCellCount.objects.bulk_create(cells, batch_size=BATCH)


# Within an import, the refresh waits for its end (`counted_after`).
_DEFERRED: ContextVar[bool] = ContextVar("map_counts_deferred", default=False)


def refresh_on_commit() -> None:
    """Ask for a refresh once the current transaction commits (at once outside of one); the
    first one of a transaction counts its tiles, the others find nothing dirty."""
    if not _DEFERRED.get():
        transaction.on_commit(refresh, robust=True)


@contextmanager
def counted_after() -> Iterator[None]:
    """Within this block (an import, batch after batch), one refresh at its end instead of one
    per batch; the map groups the entries of the dirty tiles meanwhile."""
    token = _DEFERRED.set(True)
    try:
        yield
    finally:
        _DEFERRED.reset(token)
        refresh_on_commit()


def _changed(sender, **kwargs) -> None:
    refresh_on_commit()


def connect() -> None:
    for model in (Establishment, LegalUnit):
        post_save.connect(_changed, sender=model, dispatch_uid=f"map_counts_{model.__name__}")
        post_delete.connect(
            _changed, sender=model, dispatch_uid=f"map_counts_delete_{model.__name__}"
        )
