"""Communes shaded by a value: a choropleth drawn by the same code as the other charts.

Equirectangular projection scaled by the cosine of the mean latitude, enough at a territory's
scale. Each commune's outline comes as GeoJSON (Polygon or MultiPolygon).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from maillage.core.charts.output import png_of, svg_of
from maillage.core.charts.style import MUTED, RC, SHADES, WIDTH_INCHES

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class Area:
    name: str
    geometry: dict[str, Any] | None
    value: float
    text: str  # the value as a person reads it: « 12 emplois »


@dataclass(frozen=True)
class Choropleth:
    title: str
    description: str
    areas: tuple[Area, ...]


def _rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    if geometry.get("type") == "Polygon":
        rings: list[list[list[float]]] = geometry["coordinates"]
        return rings
    if geometry.get("type") == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    return []


def shade(value: float, top: float) -> str:
    if value <= 0 or top <= 0:
        return SHADES[0]
    step = math.ceil(value / top * (len(SHADES) - 1))
    return SHADES[min(max(step, 1), len(SHADES) - 1)]


def _figure(choropleth: Choropleth) -> Figure:
    from matplotlib.collections import PolyCollection
    from matplotlib.figure import Figure

    drawn = [area for area in choropleth.areas if area.geometry]
    latitudes = [p[1] for a in drawn for ring in _rings(a.geometry or {}) for p in ring]
    ratio = math.cos(math.radians((min(latitudes) + max(latitudes)) / 2)) if latitudes else 1
    top = max((area.value for area in choropleth.areas), default=0)
    figure = Figure(figsize=(WIDTH_INCHES, WIDTH_INCHES * 0.8), layout="constrained")
    axes = figure.add_subplot()
    for index, area in enumerate(drawn):
        rings = [[(x * ratio, y) for x, y, *_ in ring] for ring in _rings(area.geometry or {})]
        shapes = PolyCollection(
            rings, facecolors=shade(area.value, top), edgecolors=MUTED, linewidths=0.6
        )
        shapes.set_gid(f"zone-{index}")  # titled with its name in the SVG
        axes.add_collection(shapes)
    axes.autoscale_view()
    axes.set_aspect("equal")
    axes.set_axis_off()
    return figure


def _description(choropleth: Choropleth) -> str:
    if any(area.geometry for area in choropleth.areas):
        return choropleth.description
    return choropleth.description + " (contours des communes indisponibles)"


def svg(choropleth: Choropleth, ident: str) -> str:
    """Each commune's shape carries a `<title>` « Commune : 12 emplois » (shown on hover)."""
    drawn = [area for area in choropleth.areas if area.geometry]
    titles = {f"zone-{index}": f"{area.name} : {area.text}" for index, area in enumerate(drawn)}
    from matplotlib import rc_context

    with rc_context(RC):
        figure = _figure(choropleth)
        return svg_of(figure, choropleth.title, _description(choropleth), ident, titles)


def png(choropleth: Choropleth) -> bytes:
    from matplotlib import rc_context

    with rc_context(RC):
        return png_of(_figure(choropleth))
