"""Charts as SVG markup, drawn on the server: no script, no inline style, readable as files.

Each function returns a complete <svg> element with a <title> and <desc>; colours are
presentation attributes (allowed by the CSP, unlike style attributes)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from maillage.observatory.presentation.wording import number

INK, MUTED, BAR, LINE = "#1b1f23", "#4f5660", "#0b5d4b", "#6b7280"
# Light to dark green, every step distinct for the map (0 gets the palest).
SHADES = ("#f4f6f3", "#cfe6dc", "#9ccbb8", "#5fa88e", "#2b7d64", "#0b5d4b")
WIDTH = 640


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal | int
    text: str = ""  # shown beside the bar; the value when empty


def _svg(title: str, desc: str, width: int, height: int, body: Sequence[str], ident: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{ident}-titre {ident}-desc" font-family="sans-serif" font-size="13">'
        f'<title id="{ident}-titre">{escape(title)}</title>'
        f'<desc id="{ident}-desc">{escape(desc)}</desc>' + "".join(body) + "</svg>"
    )


def bar_chart(title: str, desc: str, bars: Sequence[Bar], ident: str) -> str:
    """Horizontal bars, label above each bar, value at its end."""
    top = max((float(b.value) for b in bars), default=0) or 1
    body, y = [], 10
    for bar in bars:
        length = max(float(bar.value) / top * (WIDTH - 140), 1 if bar.value else 0)
        shown = bar.text or number(bar.value)
        body.append(f'<text x="0" y="{y + 12}" fill="{INK}">{escape(bar.label[:80])}</text>')
        body.append(
            f'<rect x="0" y="{y + 18}" width="{length:.1f}" height="16" fill="{BAR}"></rect>'
        )
        # About 7 px a character at this size: a value that would run off the chart goes
        # inside the end of its bar, in white.
        if length + 6 + 7 * len(shown) > WIDTH:
            body.append(
                f'<text x="{length - 6:.1f}" y="{y + 31}" fill="#ffffff" text-anchor="end">'
                f"{escape(shown)}</text>"
            )
        else:
            body.append(
                f'<text x="{length + 6:.1f}" y="{y + 31}" fill="{INK}">{escape(shown)}</text>'
            )
        y += 44
    return _svg(title, desc, WIDTH, max(y, 40), body, ident)


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


def choropleth(
    title: str,
    desc: str,
    areas: Sequence[tuple[str, dict[str, Any] | None, float, str]],
    ident: str,
) -> str:
    """Communes shaded by value: (name, GeoJSON geometry, value, text) each; equirectangular
    projection scaled by the cosine of the mean latitude, enough at a territory's scale."""
    points = [p for _, g, _, _ in areas if g for ring in _rings(g) for p in ring]
    if not points:
        return _svg(title, desc + " (contours des communes indisponibles)", WIDTH, 40, [], ident)
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    ratio = math.cos(math.radians((min(lats) + max(lats)) / 2))
    span_x = (max(lons) - min(lons)) * ratio or 1
    span_y = (max(lats) - min(lats)) or 1
    scale = (WIDTH - 20) / max(span_x, span_y)
    height = int(span_y * scale) + 20
    top = max((v for _, _, v, _ in areas), default=0)
    body = []
    for name, geometry, value, text in areas:
        if not geometry:
            continue
        path = " ".join(
            "M"
            + " L".join(
                f"{(x - min(lons)) * ratio * scale + 10:.1f},{(max(lats) - y) * scale + 10:.1f}"
                for x, y, *_ in ring
            )
            + " Z"
            for ring in _rings(geometry)
        )
        body.append(
            f'<path d="{path}" fill="{shade(value, top)}" stroke="{LINE}" stroke-width="0.6">'
            f"<title>{escape(name)} : {escape(text)}</title></path>"
        )
    return _svg(title, desc, WIDTH, height, body, ident)


def line_chart(
    title: str, desc: str, points: Sequence[tuple[str, Decimal | int]], ident: str
) -> str:
    """One series over data dates: a polyline with its points labelled."""
    height, left, bottom = 260, 60, 40
    top_value = max((float(v) for _, v in points), default=0) or 1
    step = (WIDTH - left - 30) / max(len(points) - 1, 1)
    coords = [
        (left + i * step, 20 + (1 - float(v) / top_value) * (height - bottom - 20))
        for i, (_, v) in enumerate(points)
    ]
    body = [
        f'<line x1="{left}" y1="{height - bottom}" x2="{WIDTH - 10}" y2="{height - bottom}" '
        f'stroke="{LINE}"></line>'
    ]
    if len(coords) > 1:
        polyline = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        body.append(
            f'<polyline points="{polyline}" fill="none" stroke="{BAR}" stroke-width="2"></polyline>'
        )
    for (label, value), (x, y) in zip(points, coords, strict=True):
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{BAR}"></circle>')
        body.append(
            f'<text x="{x:.1f}" y="{y - 8:.1f}" text-anchor="middle" fill="{INK}">'
            f"{escape(number(value))}</text>"
        )
        body.append(
            f'<text x="{x:.1f}" y="{height - bottom + 18}" text-anchor="middle" '
            f'fill="{MUTED}">{escape(label)}</text>'
        )
    return _svg(title, desc, WIDTH, height, body, ident)


__all__ = ["Bar", "bar_chart", "choropleth", "line_chart"]
