"""A figure written as SVG markup fit for a page, or as a PNG, the same bytes every time.

matplotlib's SVG carries its style in `style` attributes and a `<style>` element, which the
page's Content-Security-Policy (no inline style) would drop: they become presentation
attributes. Its ids are prefixed by the chart's, so that several charts share one page, and the
chart gets the `<title>` and `<desc>` that assistive technologies read.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from maillage.core.charts.style import DPI_PNG
from maillage.core.french import typography

if TYPE_CHECKING:
    from matplotlib.figure import Figure

SVG_NS, XLINK_NS = "http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"
HREF = "xlink:href"
REFERENCE = re.compile(r"url\(#([^)]+)\)")
PIXELS_PER_POINT = 96 / 72


def _font_attributes(shorthand: str) -> dict[str, str]:
    # matplotlib writes « font: 10px 'DejaVu Sans' » (optionally « italic bold » first).
    words = shorthand.split(" ", 3)
    size = next(index for index, word in enumerate(words) if word.endswith("px"))
    attributes = {
        "font-size": words[size].removesuffix("px"),
        "font-family": " ".join(words[size + 1 :]),
    }
    for word in words[:size]:
        attributes["font-style" if word in ("italic", "oblique") else "font-weight"] = word
    return attributes


def _unstyled(element: ElementTree.Element) -> None:
    style = element.attrib.pop("style", "")
    for declaration in filter(None, (part.strip() for part in style.split(";"))):
        name, _, value = (piece.strip() for piece in declaration.partition(":"))
        if name == "font":
            element.attrib.update(_font_attributes(value))
        else:
            element.set(name, value)


def _prefixed(element: ElementTree.Element, ident: str) -> None:
    if "id" in element.attrib:
        element.set("id", f"{ident}-{element.get('id')}")
    for name, value in element.attrib.items():
        if "url(#" in value:
            element.set(name, REFERENCE.sub(rf"url(#{ident}-\1)", value))
    if element.get(HREF, "").startswith("#"):
        element.set(HREF, f"#{ident}-{element.get(HREF, '')[1:]}")


def _sized(root: ElementTree.Element) -> None:
    # matplotlib sizes in points; a page lays out pixels (the viewBox keeps the drawing's units).
    for name in ("width", "height"):
        points = float(root.get(name, "0").removesuffix("pt"))
        root.set(name, str(round(points * PIXELS_PER_POINT)))


def _unqualified(root: ElementTree.Element) -> None:
    """Plain names and namespaces written as attributes: ElementTree would otherwise pick their
    prefixes from a registry that any library may change (« ns0:svg »)."""
    for element in root.iter():
        element.tag = element.tag.rpartition("}")[2]
        for name in [name for name in element.attrib if name.startswith(f"{{{XLINK_NS}}}")]:
            element.set("xlink:" + name.rpartition("}")[2], element.attrib.pop(name))
    root.set("xmlns", SVG_NS)
    root.set("xmlns:xlink", XLINK_NS)


def _title(text: str, **attributes: str) -> ElementTree.Element:
    element = ElementTree.Element("title", attributes)
    element.text = typography(text)
    return element


def svg_of(
    figure: Figure, title: str, description: str, ident: str, titles: dict[str, str] | None = None
) -> str:
    """`titles` gives a `<title>` to the elements of these gids (a map's communes)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    root = ElementTree.fromstring(buffer.getvalue())
    _unqualified(root)
    for unwanted in [*root.iter("metadata"), *root.iter("style")]:
        for parent in root.iter():
            if unwanted in list(parent):
                parent.remove(unwanted)
    for element in root.iter():
        if element.get("id") in (titles or {}):
            element.insert(0, _title((titles or {})[element.get("id", "")]))
        _unstyled(element)
        _prefixed(element, ident)
    _sized(root)
    # What the removed <style> said for every shape.
    root.attrib.update({"stroke-linejoin": "round", "stroke-linecap": "butt"})
    root.attrib.update({"role": "img", "aria-labelledby": f"{ident}-titre {ident}-desc"})
    root.attrib.pop("version", None)
    heading = _title(title, id=f"{ident}-titre")
    desc = ElementTree.Element("desc", id=f"{ident}-desc")
    desc.text = typography(description)
    root[0:0] = [heading, desc]
    return ElementTree.tostring(root, encoding="unicode")


def png_of(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI_PNG, metadata={"Software": None})
    return buffer.getvalue()
