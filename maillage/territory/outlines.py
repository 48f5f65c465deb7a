"""Commune outlines from IGN GeoJSON files, brought to the current communes.

The outline files may be older than the COG: a feature whose code is now an old code (a merged or
delegated commune) is added to its current commune, which then becomes a MultiPolygon.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from maillage.territory.errors import TerritoryDataError

PRECISION = 5  # decimals of a degree: about one metre, plenty for a commune map

Geometry = dict[str, Any]


def read_outlines(
    paths: Iterable[Path], resolve: Callable[[str], str | None]
) -> dict[str, Geometry]:
    """Outlines by current commune code; features that resolve to no wanted commune are skipped."""
    polygons: dict[str, dict[str, list]] = {}
    for path in paths:
        for code, geometry in _features(Path(path)):
            current = resolve(code)
            if current is not None:
                # keyed by source code so that a feature repeated in two files counts once
                polygons.setdefault(current, {})[code] = _polygons(geometry, path, code)
    return {code: _geometry(parts) for code, parts in sorted(polygons.items())}


def _features(path: Path) -> Iterable[tuple[str, Geometry]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TerritoryDataError(f"Fichier de contours introuvable : {path}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise TerritoryDataError(f"Fichier de contours illisible : {path} ({error})") from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise TerritoryDataError(f"{path} n’est pas une FeatureCollection GeoJSON.")
    for index, feature in enumerate(data.get("features") or []):
        try:
            yield str(feature["properties"]["code"]), feature["geometry"]
        except (KeyError, TypeError):
            raise TerritoryDataError(
                f"{path}, entité n° {index + 1} : propriété « code » ou géométrie manquante."
            ) from None


def _polygons(geometry: Geometry, path: Path, code: str) -> list:
    kind = geometry.get("type") if isinstance(geometry, dict) else None
    if kind == "Polygon":
        return [round_coordinates(geometry["coordinates"])]
    if kind == "MultiPolygon":
        return round_coordinates(geometry["coordinates"])
    raise TerritoryDataError(f"{path}, commune {code} : géométrie {kind!r} non surfacique.")


def _geometry(parts: dict[str, list]) -> Geometry:
    polygons = [polygon for _, found in sorted(parts.items()) for polygon in found]
    if len(polygons) == 1:
        return {"type": "Polygon", "coordinates": polygons[0]}
    return {"type": "MultiPolygon", "coordinates": polygons}


def round_coordinates(value: Any) -> Any:
    if isinstance(value, (int, float)):
        return round(float(value), PRECISION)
    return [round_coordinates(item) for item in value]
