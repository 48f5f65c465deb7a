"""A document as HTML: the body for a web page, the whole page for the PDF.

Headings start at <h2> (the document's title is the <h1>), tables keep their caption and column
headers, a chart is a <figure> with its SVG followed by its data table. Every text is escaped.

In print, a chart's SVG is an image (`<img>` of an SVG data URL) with its title and description
as the text alternative: the PDF engine draws the same vector drawing, but does not parse and
cascade a hundred SVG nodes per chart as HTML elements, and the image's `alt` is what PDF/UA
tags the figure with.
"""

from __future__ import annotations

import base64
from html import escape

from maillage.core import charts
from maillage.core.documents.model import (
    Block,
    BulletList,
    Chart,
    Document,
    Heading,
    Image,
    Note,
    PageBreak,
    Paragraph,
    Source,
    Table,
    cell_text,
)
from maillage.core.french import typography


def _text(value: str) -> str:
    return escape(typography(value))


def table(block: Table) -> str:
    head = "".join(
        f'<th scope="col"{_aligned(block, i)}>{_text(h)}</th>' for i, h in enumerate(block.header)
    )
    body = "".join(
        "<tr>"
        + "".join(f"<td{_aligned(block, i)}>{_text(cell_text(c))}</td>" for i, c in enumerate(row))
        + "</tr>"
        for row in block.rows
    )
    return (
        f'<table class="document-table"><caption>{_text(block.caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _aligned(block: Table, column: int) -> str:
    return ' class="nombre"' if block.is_numeric(column) else ""


class _Writer:
    """Numbers the charts of one document, so their ids never meet."""

    def __init__(self, for_print: bool = False) -> None:
        self.charts = 0
        self.for_print = for_print

    def chart(self, block: Chart) -> str:
        self.charts += 1
        svg = charts.svg(block, f"graphique-{self.charts}")
        if self.for_print:
            encoded = base64.b64encode(svg.encode("utf-8")).decode("ascii")
            alternative = _text(
                f"{block.title} : {block.description}" if block.description else block.title
            )
            svg = f'<img src="data:image/svg+xml;base64,{encoded}" alt="{alternative}">'
        return (
            f'<figure class="document-chart">{svg}'
            f"<figcaption>{_text(block.title)}</figcaption></figure>{table(block.table)}"
        )

    def block(self, block: Block) -> str:
        match block:
            case Heading(level=level, text=text):
                return f"<h{level + 1}>{_text(text)}</h{level + 1}>"
            case Paragraph(text=text):
                return f"<p>{_text(text)}</p>"
            case BulletList(items=items):
                return "<ul>" + "".join(f"<li>{_text(item)}</li>" for item in items) + "</ul>"
            case Table():
                return table(block)
            case Chart():
                return self.chart(block)
            case Image(data=data, media_type=media_type, alt=alt):
                encoded = base64.b64encode(data).decode("ascii")
                return f'<img src="data:{escape(media_type)};base64,{encoded}" alt="{_text(alt)}">'
            case PageBreak():
                return '<div class="saut-de-page"></div>'
            case Note(text=text):
                return f'<aside class="document-note"><p>{_text(text)}</p></aside>'
            case Source(text=text):
                return f'<p class="document-source">Source : {_text(text)}</p>'
        raise TypeError(f"Unknown block {block!r}")


def body(document: Document, for_print: bool = False) -> str:
    """The document's content for a page of the site, inside its layout (no <h1>), or for the
    PDF (`for_print`: charts as SVG images)."""
    writer = _Writer(for_print)
    return "".join(writer.block(block) for block in document.blocks)
