"""The map's counts per tile, written ahead (`map_clusters.py`): what the map of a large area
reads instead of grouping every entry of it on each request."""

from __future__ import annotations

from django.db import models


class MapTileCount(models.Model):
    """The published, located entries of one `TILE_ZOOM` tile, one commune and one family."""

    tile = models.BigIntegerField()
    commune_id = models.IntegerField(null=True)
    family = models.CharField(max_length=40)
    count = models.IntegerField()
    lon_sum = models.FloatField()
    lat_sum = models.FloatField()
    first = models.IntegerField()  # the smallest id: the entry itself when it is alone
    west = models.FloatField()
    east = models.FloatField()
    south = models.FloatField()
    north = models.FloatField()

    class Meta:
        indexes = [models.Index(fields=["tile", "family"], name="map_tile_count_by_tile")]

    def __str__(self) -> str:
        return f"tuile {self.tile} : {self.count}"


class MapTileState(models.Model):
    """One row: whether the counts match the entries. A write that may move a point bumps
    `generation` and sets `pending` (a rebuild is queued); a rebuild records the generation it
    read. The counts are read only when `built_generation == generation` and none is pending."""

    generation = models.BigIntegerField(default=1)
    built_generation = models.BigIntegerField(default=0)
    pending = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"génération {self.generation}, construite {self.built_generation}"
