"""The map's points: organisations in a bounding box, grouped in grid cells by zoom level.

One aggregate query (GROUP BY the cell of each row's longitude and latitude) returns at most
`MAX_FEATURES` cells; a cell holding one organisation becomes that organisation's point, a cell
holding several becomes a cluster at their centroid. The browser never gets the whole file.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, IntegerField, Max, Min, QuerySet, Sum
from django.db.models.functions import Cast

from maillage.directory.exports.public import display_name_expression, organisation_url
from maillage.directory.models import Establishment
from maillage.territory.models import Commune

MAX_ZOOM = 20
# A cluster is about 64 pixels wide on screen (a 256-pixel tile spans 360 / 2**zoom degrees).
CELL_PIXELS = 64
# Whatever the zoom, a viewport is cut in at most 24 × 19 cells, hence at most 25 × 20 = 500
# features (a viewport straddles one more cell each way than it spans).
GRID_COLUMNS, GRID_ROWS = 24, 19
MAX_FEATURES = (GRID_COLUMNS + 1) * (GRID_ROWS + 1)
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

    def cell_size(self) -> tuple[float, float]:
        lon = 360 / 2**self.zoom * CELL_PIXELS / 256
        middle = math.radians((self.min_lat + self.max_lat) / 2)
        lat = lon * max(math.cos(middle), 0.05)
        return (
            max(lon, (self.max_lon - self.min_lon) / GRID_COLUMNS),
            max(lat, (self.max_lat - self.min_lat) / GRID_ROWS),
        )


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


def cells(queryset: QuerySet[Establishment], viewport: Viewport) -> list[dict[str, Any]]:
    """The grid cells of the viewport holding at least one row of the queryset.

    Two queries: the aggregate reads only the columns of the `establishment_listed_bbox` index
    (no join over the whole viewport), grouped by cell and commune; the names, families and
    commune names of the few cells that hold one organisation or need one are fetched after."""
    cell_lon, cell_lat = viewport.cell_size()
    # Shifted to positive values, so that the integer cast is a floor on every database.
    column = Cast((F("longitude") + 180.0) / cell_lon, IntegerField())
    row = Cast((F("latitude") + 90.0) / cell_lat, IntegerField())
    groups = (
        queryset.filter(
            longitude__gte=viewport.min_lon,
            longitude__lte=viewport.max_lon,
            latitude__gte=viewport.min_lat,
            latitude__lte=viewport.max_lat,
        )
        .order_by()
        .annotate(column=column, row=row)
        .values("column", "row", "commune_id")
        .annotate(
            count=Count("pk"),
            lon_sum=Sum("longitude"),
            lat_sum=Sum("latitude"),
            first=Min("pk"),
            west=Min("longitude"),
            east=Max("longitude"),
            south=Min("latitude"),
            north=Max("latitude"),
        )
    )
    merged: dict[tuple[int, int], dict[str, Any]] = {}
    commune_ids: set[int] = set()
    for group in groups:
        if group["commune_id"] is not None:
            commune_ids.add(group["commune_id"])
        cell = merged.get((group["column"], group["row"]))
        if cell is None:
            merged[group["column"], group["row"]] = {**group, "communes": [group["commune_id"]]}
            continue
        cell["communes"].append(group["commune_id"])
        for key in ("count", "lon_sum", "lat_sum"):
            cell[key] += group[key]
        for key, pick in (("first", min), ("west", min), ("south", min)):
            cell[key] = pick(cell[key], group[key])
        for key in ("east", "north"):
            cell[key] = max(cell[key], group[key])
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
            "url": organisation_url(cell["first"], cell["name"]),
            "count": 1,
        }
        feature_id: str | int = cell["first"]
    else:
        properties = {
            "count": cell["count"],
            "commune": cell["commune"] or "",
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
