"""The map's clusters, counted ahead per zoom level and grid cell (`map_clusters.py`): what the
map of a large area reads instead of grouping every entry of it on each request."""

from __future__ import annotations

from django.db import models


class MapCellCount(models.Model):
    """The published, located entries of one family in one grid cell of one zoom level (0 to
    `grid.TILE_ZOOM`): how many, the sums of their positions, their smallest id and extremes,
    and the commune whose name comes first among theirs (what a cluster says it is in)."""

    level = models.PositiveSmallIntegerField()
    column = models.IntegerField()
    row = models.IntegerField()
    family = models.CharField(max_length=40)
    commune_id = models.IntegerField(null=True)
    count = models.IntegerField()
    lon_sum = models.FloatField()
    lat_sum = models.FloatField()
    first = models.IntegerField()  # the smallest id: the entry itself when it is alone
    west = models.FloatField()
    east = models.FloatField()
    south = models.FloatField()
    north = models.FloatField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["level", "column", "row", "family"], name="map_cell_count_once"
            )
        ]

    def __str__(self) -> str:
        return f"niveau {self.level}, case {self.column}/{self.row} : {self.count}"


class MapDirtyTile(models.Model):
    """A `grid.TILE_ZOOM` tile whose entries changed since its counts were written: inserted by
    database triggers on every write of an entry (whatever the path: save, bulk, queryset
    update, raw SQL), deleted by the refresh that counts it again. While one is left, the map
    groups the entries themselves. No unique tile: two transactions may mark the same tile, and
    the refresh of the first must not swallow the mark of the second."""

    tile = models.BigIntegerField()

    def __str__(self) -> str:
        return f"tuile {self.tile} à recompter"
