"""Communes as GeoJSON for maps: name, code and population, outlines at 5 decimals."""

from collections.abc import Iterable
from typing import Any

from maillage.territory.models import Commune
from maillage.territory.outlines import round_coordinates


def feature_collection(communes: Iterable[Commune]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": [feature(c) for c in communes]}


def feature(commune: Commune) -> dict[str, Any]:
    outline = commune.outline
    geometry = None
    if outline:
        geometry = {
            "type": outline["type"],
            "coordinates": round_coordinates(outline["coordinates"]),
        }
    return {
        "type": "Feature",
        "id": commune.code,
        "properties": {
            "code": commune.code,
            "nom": commune.name,
            "population": commune.population,
        },
        "geometry": geometry,
    }
