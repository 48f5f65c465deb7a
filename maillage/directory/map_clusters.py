"""The map's counts per tile, kept ahead of the requests (ADR 0016).

The map of a large area groups its entries by `TILE_ZOOM` tile (`exports/map_points.py`):
reading 200,000 index entries on each request. `MapTileCount` holds those groups per tile,
commune and family, rebuilt in the task worker whenever entries change:

- every save or deletion of an entry or a legal unit, and the bulk paths that skip them (demo
  loading, geocoding), call `mark_stale` in their transaction: one UPDATE that bumps the
  generation and, the first time, queues `rebuild_map_counts` once the transaction commits;
- until the rebuild has read that generation, the map groups the entries themselves, as
  before: an edit shows on the map at once, only slower for a few seconds.

A tile cut by the viewport's edge is still grouped from its entries (only those inside count):
the tiles wholly inside come from the table, so the cells are exactly those of the entries.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, F, Max, Min, Sum
from django.db.models.signals import post_delete, post_save

from maillage.directory.models import Establishment, LegalUnit, MapTileCount, MapTileState

STATE_PK = 1
BATCH = 2000
# What a cell of the map sums, from the stored counts per tile or from the entries themselves.
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


def is_fresh() -> bool:
    state = MapTileState.objects.filter(pk=STATE_PK).first()
    return state is not None and not state.pending and state.built_generation == state.generation


def mark_stale() -> None:
    """Entries changed: the counts wait for a rebuild, queued once per burst of changes."""
    claimed = MapTileState.objects.filter(pk=STATE_PK, pending=False).update(
        pending=True, generation=F("generation") + 1
    )
    if claimed:
        from maillage.directory.tasks import rebuild_map_counts

        transaction.on_commit(rebuild_map_counts.enqueue)


def rebuild() -> bool:
    """Count every tile again; True if no entry changed meanwhile (the counts are in use)."""
    MapTileState.objects.get_or_create(pk=STATE_PK)
    # Writes from now on queue another rebuild; those before are read below.
    MapTileState.objects.filter(pk=STATE_PK).update(pending=False)
    generation = MapTileState.objects.get(pk=STATE_PK).generation
    groups = (
        Establishment.objects.published()
        .located()
        .order_by()
        .values("map_tile", "commune_id", "family")
        .annotate(**AGGREGATES)
    )
    with transaction.atomic():
        MapTileCount.objects.all().delete()
        rows = [MapTileCount(tile=group.pop("map_tile"), **group) for group in groups.iterator()]
        MapTileCount.objects.bulk_create(rows, batch_size=BATCH)
        return bool(
            MapTileState.objects.filter(pk=STATE_PK, generation=generation).update(
                built_generation=generation
            )
        )


def _changed(sender, **kwargs) -> None:
    mark_stale()


def connect() -> None:
    for model in (Establishment, LegalUnit):
        post_save.connect(_changed, sender=model, dispatch_uid=f"map_counts_{model.__name__}")
        post_delete.connect(
            _changed, sender=model, dispatch_uid=f"map_counts_delete_{model.__name__}"
        )
