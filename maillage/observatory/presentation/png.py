"""PNG images of the charts, drawn on the server with Pillow from the same SVG markup.

The charts (`svg_charts.py`) use a small part of SVG: rectangles, texts, straight-line paths,
polylines, lines and circles, with presentation attributes. This module draws exactly that part,
so that the PNG is the same chart as the SVG, at twice its size for print. The font, DejaVu Sans
(Bitstream Vera licence, see data/fonts/), ships with the app: Pillow's built-in font has no
accented letters, and a server's installed fonts cannot be counted on.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from xml.etree import ElementTree

from PIL import Image, ImageDraw, ImageFont

SVG = "{http://www.w3.org/2000/svg}"
SCALE = 2
FONT_SIZE = 13
FONT = Path(__file__).resolve().parents[1] / "data" / "fonts" / "DejaVuSans.ttf"
COMMAND = re.compile(r"([MLZ])([^MLZ]*)")


def _colour(value: str | None) -> str | None:
    return None if value in (None, "", "none") else value


def _float(element: ElementTree.Element, name: str) -> float:
    return float(element.get(name, "0")) * SCALE


def _polygons(d: str) -> list[list[tuple[float, float]]]:
    """The rings of a path made of M, L and Z commands (all the map draws)."""
    rings: list[list[tuple[float, float]]] = []
    for command, arguments in COMMAND.findall(d):
        if command == "Z":
            continue
        x, y = (float(v) * SCALE for v in arguments.replace(",", " ").split())
        if command == "M":
            rings.append([])
        rings[-1].append((x, y))
    return rings


def _points(raw: str) -> list[tuple[float, float]]:
    pairs = (pair.split(",") for pair in raw.split())
    return [(float(x) * SCALE, float(y) * SCALE) for x, y in pairs]


def _text(
    draw: ImageDraw.ImageDraw, element: ElementTree.Element, font: ImageFont.FreeTypeFont
) -> None:
    anchor = {"end": "rs", "middle": "ms"}.get(element.get("text-anchor", ""), "ls")
    draw.text(
        (_float(element, "x"), _float(element, "y")),
        element.text or "",
        fill=element.get("fill", "#000000"),
        font=font,
        anchor=anchor,
    )


def _draw(
    draw: ImageDraw.ImageDraw, element: ElementTree.Element, font: ImageFont.FreeTypeFont
) -> None:
    tag = element.tag.removeprefix(SVG)
    fill, stroke = _colour(element.get("fill")), _colour(element.get("stroke"))
    width = max(round(float(element.get("stroke-width", "1")) * SCALE), 1)
    if tag == "rect":
        x, y = _float(element, "x"), _float(element, "y")
        box = (x, y, x + _float(element, "width"), y + _float(element, "height"))
        draw.rectangle(box, fill=fill)
    elif tag == "text":
        _text(draw, element, font)
    elif tag == "path":
        for ring in _polygons(element.get("d", "")):
            if len(ring) > 1:
                draw.polygon(ring, fill=fill, outline=stroke, width=width)
    elif tag == "polyline":
        draw.line(_points(element.get("points", "")), fill=stroke, width=width, joint="curve")
    elif tag == "line":
        ends = [_float(element, n) for n in ("x1", "y1", "x2", "y2")]
        draw.line(ends, fill=stroke, width=width)
    elif tag == "circle":
        x, y, r = _float(element, "cx"), _float(element, "cy"), _float(element, "r")
        draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)


def svg_to_png(svg: str) -> bytes:
    """The PNG of one of the observatory's SVG charts, twice its size, on white."""
    root = ElementTree.fromstring(svg)
    width, height = int(root.get("width", "0")), int(root.get("height", "0"))
    image = Image.new("RGB", (width * SCALE, height * SCALE), "#ffffff")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), FONT_SIZE * SCALE)
    for element in root:
        _draw(draw, element, font)
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()
