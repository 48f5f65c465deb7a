"""Two competent ways to serve the directory's map, written plainly, that the map endpoint is
measured against in the same run (`test_directory.py`).

- `grouped_in_python`: what a careful developer writes first. The located entries of the
  viewport read as tuples (id, position, family, stored grid cell), grouped into the endpoint's
  cells (with their families' counts) in Python, the names of the lone entries fetched in one
  query, the same GeoJSON out. Its cells are the endpoint's: the benchmark checks it.
- `every_point`: what GoGoCarto does. Every published, located entry sent at once as compact
  GeoJSON (id, position, name, family), the browser clustering them itself; the file is the
  same for every viewport, so it is timed once per round and weighed gzipped.
"""

from __future__ import annotations

import gzip
import json
from typing import Any

from maillage.directory import grid
from maillage.directory.exports.map_points import Viewport, feature_collection
from maillage.directory.exports.public import display_name_expression
from maillage.directory.models import Establishment

_DUMPS: dict[str, Any] = {"ensure_ascii": False, "separators": (",", ":")}
_COORDINATE_DIGITS = 5


def _located():
    return Establishment.objects.published().located().order_by()


def grouped_in_python(viewport: Viewport) -> dict[str, Any]:
    """The viewport's cells, as the endpoint's FeatureCollection (commune names aside)."""
    shift = grid.shift_of(viewport.level())
    rows = _located().filter(
        longitude__gte=viewport.min_lon,
        longitude__lte=viewport.max_lon,
        latitude__gte=viewport.min_lat,
        latitude__lte=viewport.max_lat,
    )
    cells: dict[tuple[int, int], dict[str, Any]] = {}
    fields = ("pk", "longitude", "latitude", "family", "grid_x", "grid_y")
    for pk, lon, lat, family, column, row in rows.values_list(*fields):
        key = (column >> shift, row >> shift)
        cell = cells.get(key)
        if cell is None:
            cells[key] = {"count": 1, "lon": lon, "lat": lat, "first": pk, **_box(lon, lat)}
            cells[key]["families"] = {family: 1}
            continue
        cell["families"][family] = cell["families"].get(family, 0) + 1
        cell["count"] += 1
        cell["lon"] += lon
        cell["lat"] += lat
        cell["first"] = min(cell["first"], pk)
        cell["west"], cell["east"] = min(cell["west"], lon), max(cell["east"], lon)
        cell["south"], cell["north"] = min(cell["south"], lat), max(cell["north"], lat)
    lone = [cell["first"] for cell in cells.values() if cell["count"] == 1]
    details = {
        row["pk"]: row
        for row in Establishment.objects.filter(pk__in=lone)
        .order_by()
        .values("pk", "family", label=display_name_expression())
    }
    described = []
    for cell in cells.values():
        single = details.get(cell["first"], {}) if cell["count"] == 1 else {}
        described.append(
            cell
            | {"lon": cell["lon"] / cell["count"], "lat": cell["lat"] / cell["count"]}
            | {"name": single.get("label"), "family": single.get("family"), "commune": None}
        )
    return feature_collection(described)


def _box(lon: float, lat: float) -> dict[str, float]:
    return {"west": lon, "east": lon, "south": lat, "north": lat}


def grouped_in_python_body(viewport: Viewport) -> bytes:
    return json.dumps(grouped_in_python(viewport), **_DUMPS).encode()


def every_point() -> bytes:
    """Every published, located entry as GeoJSON points: id, position, name and family."""
    fields = ("pk", "longitude", "latitude", "family")
    rows = _located().values_list(*fields, display_name_expression())
    features = [
        {
            "type": "Feature",
            "id": pk,
            "geometry": {
                "type": "Point",
                "coordinates": [round(lon, _COORDINATE_DIGITS), round(lat, _COORDINATE_DIGITS)],
            },
            "properties": {"nom": name, "famille": family},
        }
        for pk, lon, lat, family, name in rows
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}, **_DUMPS).encode()


def gzipped_size(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=6))


def cell_counts(collection: dict[str, Any]) -> dict[Any, int]:
    """Each feature's count and families, keyed by what no order of addition changes (a lone
    entry's id, a cluster's extremes): what two ways of grouping must agree on."""
    return {
        feature["properties"].get("id") or tuple(feature["properties"]["bbox"]): (
            feature["properties"]["count"],
            feature["properties"].get("familles"),
        )
        for feature in collection["features"]
    }
