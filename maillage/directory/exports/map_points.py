"""The map's points: organisations in a bounding box, grouped in grid cells by zoom level.

The grid is Web Mercator's, 64-pixel cells (`grid.py`); each entry stores its cell. A large area
is read as tiles: one aggregate, in the order of the `listed_by_map_tile` index (no sort), whose
few rows are merged into the cells of the zoom in Python. A small area is grouped by its cells
directly. At most `MAX_FEATURES` cells come back; a cell holding one organisation becomes that
organisation's point, a cell holding several a cluster at their centroid, with how many of each
ESS family it holds (the browser colours the cluster by them). The browser never gets the whole
file.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from django.db.models import F, Q, QuerySet

from maillage.directory import grid, map_clusters
from maillage.directory.exports.public import display_name_expression
from maillage.directory.map_clusters import AGGREGATES
from maillage.directory.models import Establishment, MapCellCount
from maillage.directory.models.organisations import public_path
from maillage.territory.models import Commune

MAX_ZOOM = grid.GRID_ZOOM
# Whatever the zoom asked, the cells are coarsened until a viewport spans at most 25 × 20.
MAX_COLUMNS, MAX_ROWS = 25, 20
MAX_FEATURES = MAX_COLUMNS * MAX_ROWS
_COORDINATE_DIGITS = 5  # about one metre


class InvalidViewport(ValueError):
    """A bounding box or zoom the map cannot use; the message is French, for the visitor."""


@dataclass(frozen=True)
class Viewport:
    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float
    zoom: int

    def corners(self) -> tuple[int, int, int, int]:
        """West column, north row, east column, south row of the viewport on the fine grid."""
        west, north = grid.grid_of(self.min_lon, self.max_lat)
        east, south = grid.grid_of(self.max_lon, self.min_lat)
        return west, north, east, south

    def level(self) -> int:
        """The zoom whose cells group the points: the one asked, or coarser if the viewport
        would span more than MAX_COLUMNS × MAX_ROWS of its cells."""
        west, north, east, south = self.corners()
        level = self.zoom
        while level > 0:
            shift = grid.shift_of(level)
            if (east >> shift) - (west >> shift) < MAX_COLUMNS and (south >> shift) - (
                north >> shift
            ) < MAX_ROWS:
                break
            level -= 1
        return level


def parse_viewport(bbox: str | None, zoom: str | None) -> Viewport:
    if not bbox:
        raise InvalidViewport("Le paramètre bbox (ouest,sud,est,nord) est obligatoire.")
    parts = bbox.split(",")
    if len(parts) != 4:
        raise InvalidViewport(
            "Le paramètre bbox doit contenir 4 nombres séparés par des virgules : "
            "ouest,sud,est,nord."
        )
    try:
        min_lon, min_lat, max_lon, max_lat = (float(part) for part in parts)
    except ValueError:
        raise InvalidViewport("Le paramètre bbox ne doit contenir que des nombres.") from None
    if not all(math.isfinite(v) for v in (min_lon, min_lat, max_lon, max_lat)):
        raise InvalidViewport("Le paramètre bbox ne doit contenir que des nombres finis.")
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180):
        raise InvalidViewport("Les longitudes de bbox doivent être comprises entre -180 et 180.")
    if not (-90 <= min_lat <= 90 and -90 <= max_lat <= 90):
        raise InvalidViewport("Les latitudes de bbox doivent être comprises entre -90 et 90.")
    if min_lon >= max_lon or min_lat >= max_lat:
        raise InvalidViewport(
            "Dans bbox, l’ouest doit être inférieur à l’est et le sud inférieur au nord."
        )
    return Viewport(min_lon, min_lat, max_lon, max_lat, _parse_zoom(zoom))


def _parse_zoom(zoom: str | None) -> int:
    message = f"Le paramètre zoom doit être un nombre entier entre 0 et {MAX_ZOOM}."
    if zoom is None or not zoom.strip().isdigit() or len(zoom.strip()) > 2:
        raise InvalidViewport(message)
    value = int(zoom)
    if value > MAX_ZOOM:
        raise InvalidViewport(message)
    return value


def cells(
    queryset: QuerySet[Establishment],
    viewport: Viewport,
    families: tuple[str, ...] | None = None,
) -> list[dict[str, Any]]:
    """The grid cells of the viewport holding at least one row of the queryset.

    The aggregate reads only the columns of one covering index; then the names of the communes
    and of the cells that hold one organisation are fetched (two small queries). `families`
    says the queryset is every published, located entry of these families (all if empty): a
    large area then reads the tiles wholly inside from the counts kept ahead
    (`map_clusters.py`), when they are up to date."""
    level = viewport.level()
    inside = queryset.filter(
        longitude__gte=viewport.min_lon,
        longitude__lte=viewport.max_lon,
        latitude__gte=viewport.min_lat,
        latitude__lte=viewport.max_lat,
    ).order_by()
    if level > grid.TILE_ZOOM:
        groups = _cell_groups(inside, level)
    elif families is not None and map_clusters.is_fresh():
        groups = _counted_groups(viewport, level, families)
    else:
        groups = _tile_groups(inside, viewport, level)
    return _described(_merged(groups))


def _counted_groups(viewport: Viewport, level: int, families: tuple[str, ...]):
    """The cells wholly inside the viewport from their counts, each at the coarsest level where
    it is; the tiles on its edges (where some entries may lie outside) from their entries.

    A cell of `level` strictly between the viewport's corner cells holds only entries inside;
    around them, the ring of edge cells is covered by their children strictly inside at the next
    level, and so on down to `TILE_ZOOM`, whose edge tiles are read entry by entry. One query
    reads the counts of every level (a few hundred rows for the territory)."""
    west, north, east, south = viewport.corners()
    counted = Q()
    for depth in range(level, grid.TILE_ZOOM + 1):
        first_column, last_column, first_row, last_row = _inner_cells(
            west, north, east, south, depth
        )
        inner = Q(column__range=(first_column, last_column), row__range=(first_row, last_row))
        if depth > level:  # a cell whose parent is wholly inside was read with it
            first_column, last_column, first_row, last_row = _inner_cells(
                west, north, east, south, depth - 1
            )
            inner &= ~Q(
                column__range=(2 * first_column, 2 * last_column + 1),
                row__range=(2 * first_row, 2 * last_row + 1),
            )
        counted |= Q(level=depth) & inner
    stored = MapCellCount.objects.filter(counted)
    if families:
        stored = stored.filter(family__in=families)
    for group in stored.values("level", "column", "row", "commune_id", "family", *AGGREGATES):
        shift = group["level"] - level
        yield (group["column"] >> shift, group["row"] >> shift), group
    yield from _edge_groups(_edge_entries(viewport, families), viewport)


def _inner_cells(
    west: int, north: int, east: int, south: int, depth: int
) -> tuple[int, int, int, int]:
    """The cells of `depth` strictly between the corners' cells (west, north, east, south on
    the fine grid): first and last column, first and last row (maybe empty ranges)."""
    shift = grid.shift_of(depth)
    return (west >> shift) + 1, (east >> shift) - 1, (north >> shift) + 1, (south >> shift) - 1


def _edge_entries(viewport: Viewport, families: tuple[str, ...]):
    """The entries of the `TILE_ZOOM` tiles on the viewport's edges, asked by tile alone (a
    located entry has a tile): the database reads the tiles' index ranges, not a band of
    longitudes."""
    west, north, east, south = (corner >> grid.TILE_SHIFT for corner in viewport.corners())
    listed = Establishment.objects.published().order_by()
    if families:
        listed = listed.filter(family__in=families)
    middle = [
        grid.pack_tile(column, row) for column in range(west + 1, east) for row in {north, south}
    ]
    # One index range each (an OR of them reads the whole index on SQLite).
    edges = [
        listed.filter(
            map_tile__range=(grid.pack_tile(column, 0), grid.pack_tile(column + 1, 0) - 1)
        )
        for column in {west, east}
    ] + ([listed.filter(map_tile__in=middle)] if middle else [])
    fields = ("pk", "longitude", "latitude", "commune_id", "family", "grid_x", "grid_y")
    rows = [edge.values_list(*fields) for edge in edges]
    return rows[0].union(*rows[1:], all=True) if len(rows) > 1 else rows[0]


def _edge_groups(rows, viewport: Viewport):
    """The entries (id, position, commune, family, cell) inside the viewport, grouped by cell,
    commune and family."""
    level = viewport.level()
    shift = grid.shift_of(level)
    groups: dict[tuple[int, int, int | None, str], dict[str, Any]] = {}
    for pk, lon, lat, commune, family, column, row in rows:
        if not (
            viewport.min_lon <= lon <= viewport.max_lon
            and viewport.min_lat <= lat <= viewport.max_lat
        ):
            continue
        key = (column >> shift, row >> shift, commune, family)
        group = groups.get(key)
        if group is None:
            groups[key] = {
                "commune_id": commune,
                "family": family,
                "count": 1,
                "lon_sum": lon,
                "lat_sum": lat,
                "first": pk,
                **dict(west=lon, east=lon, south=lat, north=lat),
            }
            continue
        group["count"] += 1
        group["lon_sum"] += lon
        group["lat_sum"] += lat
        group["first"] = min(group["first"], pk)
        group["west"], group["east"] = min(group["west"], lon), max(group["east"], lon)
        group["south"], group["north"] = min(group["south"], lat), max(group["north"], lat)
    for (column, row, _, _), group in groups.items():
        yield (column, row), group


def _tile_groups(queryset, viewport: Viewport, level: int):
    """Rows grouped by tile and commune, in index order; each group tagged with its cell."""
    west, _, east, _ = viewport.corners()
    groups = (
        queryset.filter(map_tile__range=grid.tile_range(west, east))
        .values("map_tile", "commune_id", "family")
        .annotate(**AGGREGATES)
    )
    for group in groups:
        yield grid.tile_cell(group["map_tile"], level), group


def _cell_groups(queryset, level: int):
    shift = grid.shift_of(level)
    groups = (
        queryset.annotate(
            column=F("grid_x").bitrightshift(shift), row=F("grid_y").bitrightshift(shift)
        )
        .values("column", "row", "commune_id", "family")
        .annotate(**AGGREGATES)
    )
    for group in groups:
        yield (group["column"], group["row"]), group


def _merged(groups) -> dict[tuple[int, int], dict[str, Any]]:
    merged: dict[tuple[int, int], dict[str, Any]] = {}
    for key, group in groups:
        cell = merged.get(key)
        if cell is None:
            families = {group["family"]: group["count"]}
            merged[key] = {**group, "communes": {group["commune_id"]}, "families": families}
            continue
        cell["communes"].add(group["commune_id"])
        families = cell["families"]
        families[group["family"]] = families.get(group["family"], 0) + group["count"]
        cell["count"] += group["count"]
        cell["lon_sum"] += group["lon_sum"]
        cell["lat_sum"] += group["lat_sum"]
        cell["first"] = min(cell["first"], group["first"])
        cell["west"] = min(cell["west"], group["west"])
        cell["south"] = min(cell["south"], group["south"])
        cell["east"] = max(cell["east"], group["east"])
        cell["north"] = max(cell["north"], group["north"])
    return merged


def _described(merged: dict[tuple[int, int], dict[str, Any]]) -> list[dict[str, Any]]:
    commune_ids = {pk for cell in merged.values() for pk in cell["communes"] if pk is not None}
    commune_names = (
        dict(Commune.objects.filter(pk__in=commune_ids).values_list("pk", "name"))
        if commune_ids
        else {}
    )
    singles = [cell["first"] for cell in merged.values() if cell["count"] == 1]
    details = (
        {
            row["pk"]: row
            for row in Establishment.objects.filter(pk__in=singles)
            .order_by()
            .values("pk", "family", label=display_name_expression())
        }
        if singles
        else {}
    )
    result = []
    for cell in merged.values():
        names = [commune_names[pk] for pk in cell["communes"] if pk is not None]
        single = details.get(cell["first"], {}) if cell["count"] == 1 else {}
        result.append(
            {
                "count": cell["count"],
                "lon": cell["lon_sum"] / cell["count"],
                "lat": cell["lat_sum"] / cell["count"],
                "first": cell["first"],
                "name": single.get("label"),
                "family": single.get("family"),
                "commune": min(names) if names else None,
                "families": cell["families"],
                **{key: cell[key] for key in ("west", "east", "south", "north")},
            }
        )
    return result


def feature_collection(cell_rows: list[dict[str, Any]]) -> dict[str, Any]:
    """RFC 7946 FeatureCollection of organisations (`count` 1) and clusters (`count` > 1)."""
    features = [_feature(cell) for cell in cell_rows]
    features.sort(key=lambda f: (-f["properties"]["count"], f["properties"].get("nom", "")))
    return {
        "type": "FeatureCollection",
        "features": features,
        "total": sum(cell["count"] for cell in cell_rows),
    }


def _feature(cell: dict[str, Any]) -> dict[str, Any]:
    point = [round(cell["lon"], _COORDINATE_DIGITS), round(cell["lat"], _COORDINATE_DIGITS)]
    if cell["count"] == 1:
        properties = {
            "id": cell["first"],
            "nom": cell["name"],
            "famille": cell["family"],
            "commune": cell["commune"] or "",
            "url": public_path(cell["first"], cell["name"]),
            "count": 1,
        }
        feature_id: str | int = cell["first"]
    else:
        properties = {
            "count": cell["count"],
            "commune": cell["commune"] or "",
            # The most numerous family first; an entry with no family counts as « autre ».
            "familles": dict(
                sorted(
                    ((family or "autre", n) for family, n in cell["families"].items()),
                    key=lambda item: (-item[1], item[0]),
                )
            ),
            "bbox": [
                round(cell[key], _COORDINATE_DIGITS) for key in ("west", "south", "east", "north")
            ],
        }
        feature_id = f"groupe-{point[0]}-{point[1]}"
    return {
        "type": "Feature",
        "id": feature_id,
        "geometry": {"type": "Point", "coordinates": point},
        "properties": properties,
    }
