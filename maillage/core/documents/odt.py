"""A document as an editable ODT, filled into a template whose styles the hub owns.

The template is any text document (.odt): its page layout, headers, footers and named styles are
kept, its body replaced. The content uses LibreOffice's standard style names (« Titre 1 », « Corps
de texte », « Contenu de tableau », « Légende »…) and four of ours (« Nombre », « Note »,
« Source », « Saut de page »), so restyling them in LibreOffice restyles every report. The
built-in template (`template()`, written by `manage.py document_template`) defines them all.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from django.conf import settings
from odfdo import Cell, Element, Frame, Header, List, ListItem, Paragraph, Row, Style
from odfdo import Document as OdfDocument
from odfdo import Table as OdfTable
from odfdo.header_rows import HeaderRows

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
    Source,
    Table,
    cell_text,
)
from maillage.core.documents.model import Cell as Cell_
from maillage.core.documents.model import Paragraph as TextParagraph
from maillage.core.documents.zipped import restamped
from maillage.core.french import typography

BODY, CELL, HEADING_CELL, CAPTION = (
    "Text_20_body",
    "Table_20_Contents",
    "Table_20_Heading",
    "Caption",
)
NUMBER, NOTE, SOURCE, BREAK = "Nombre", "Note", "Source", "Saut_20_de_20_page"
TITLE, SUBTITLE = "Title", "Subtitle"
CHART_WIDTH_CM = 16.0


def _style(name: str, shown: str, parent: str, area: str | None = None, **props: Any) -> Style:
    return Style("paragraph", name, shown, parent_style=parent, area=area, **props)


def _styles() -> list[Style]:
    return [
        _style(TITLE, "Titre", "Heading", "text", **{"fo:font-size": "22pt"}),
        _style(SUBTITLE, "Sous-titre", "Heading", "text", **{"fo:font-size": "14pt"}),
        _style(CELL, "Contenu de tableau", "Standard"),
        _style(HEADING_CELL, "En-tête de tableau", CELL, "text", bold=True),
        _style(NUMBER, "Nombre", CELL, "paragraph", **{"fo:text-align": "end"}),
        _style(NOTE, "Note", BODY, "paragraph", **{"fo:margin-left": "0.6cm"}),
        _style(SOURCE, "Source", BODY, "text", **{"fo:font-size": "8.5pt"}),
        _style(BREAK, "Saut de page", "Standard", "paragraph", break_after="page"),
    ]


def template() -> OdfDocument:
    """The built-in template: a blank text document with every style the content uses."""
    odf = OdfDocument("text")
    for style in _styles():
        if odf.get_style("paragraph", style.name) is None:
            odf.insert_style(style)
    odf.body.clear()
    return odf


def _cell(block: Table, column: int, value: Cell_, heading: bool) -> Cell:
    style = HEADING_CELL if heading else (NUMBER if block.is_numeric(column) else CELL)
    cell = Cell()
    cell.clear()
    cell.append(Paragraph(typography(cell_text(value)), style=style))
    return cell


def _table(odf: OdfDocument, block: Table, index: int) -> list[Element]:
    table = OdfTable(f"Tableau{index}", width=len(block.header))
    table.clear()
    header = HeaderRows()
    header_row = Row()
    for column, title in enumerate(block.header):
        header_row.append(_cell(block, column, title, heading=True))
    header.append(header_row)
    table.append(header)
    for values in block.rows:
        row = Row()
        for column, value in enumerate(values):
            row.append(_cell(block, column, value, heading=False))
        table.append(row)
    return [Paragraph(typography(block.caption), style=CAPTION), table]


def _picture(odf: OdfDocument, data: bytes, media_type: str, index: int) -> Frame:
    """An image stored in the file, named after its block, shown in a frame of its own size."""
    path = f"Pictures/image-{index}.{media_type.rpartition('/')[2].replace('svg+xml', 'svg')}"
    assert odf.container is not None  # a document read or built always has one
    odf.container.set_part(path, data)
    odf.manifest.add_full_path(path, media_type)
    return Frame.image_frame(path, anchor_type="as-char")


def _framed(frame: Frame, title: str, description: str, size: tuple[float, float]) -> Paragraph:
    frame.size = (f"{size[0]:.2f}cm", f"{size[1]:.2f}cm")
    frame.svg_title = typography(title)
    frame.svg_description = typography(description)
    paragraph = Paragraph(style=BODY)
    paragraph.append(frame)
    return paragraph


def _png_size(data: bytes) -> tuple[int, int]:
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def _chart(odf: OdfDocument, block: Chart, index: int) -> list[Element]:
    data = charts.png(block)
    width, height = _png_size(data)
    size = (CHART_WIDTH_CM, CHART_WIDTH_CM * height / width)
    frame = _picture(odf, data, "image/png", index)
    picture = _framed(frame, block.title, block.description, size)
    caption = Paragraph(typography(block.title), style=CAPTION)
    return [picture, caption, *_table(odf, block.table, index)]


def _bullets(items: tuple[str, ...]) -> List:
    bullets = List(style="List_20_1")
    for item in items:
        entry = ListItem()
        entry.append(Paragraph(typography(item), style=BODY))
        bullets.append(entry)
    return bullets


def _elements(odf: OdfDocument, block: Block, index: int) -> list[Element]:
    match block:
        case Heading(level=level, text=text):
            return [Header(level, typography(text))]
        case TextParagraph(text=text):
            return [Paragraph(typography(text), style=BODY)]
        case BulletList(items=items):
            return [_bullets(items)]
        case Table():
            return _table(odf, block, index)
        case Chart():
            return _chart(odf, block, index)
        case Image(data=data, media_type=media_type, alt=alt):
            return [_framed(_picture(odf, data, media_type, index), alt, alt, (4, 2))]
        case PageBreak():
            return [Paragraph("", style=BREAK)]
        case Note(text=text):
            return [Paragraph(typography(text), style=NOTE)]
        case Source(text=text):
            return [Paragraph(typography(f"Source : {text}"), style=SOURCE)]
    raise TypeError(f"Unknown block {block!r}")


def _describe(odf: OdfDocument, document: Document) -> None:
    meta, metadata = odf.meta, document.metadata
    meta.set_title(typography(document.title))
    meta.set_subject(metadata.subject)
    meta.set_keywords(", ".join(metadata.keywords))
    meta.set_language(document.lang)
    meta.set_initial_creator(metadata.author)
    meta.set_creator(metadata.author)
    if metadata.created:
        meta.set_creation_date(metadata.created)
        meta.set_modification_date(metadata.created)
    meta.set_generator("maillage")
    meta.set_editing_cycles(1)


def hub_template() -> bytes | None:
    """The hub's own template (setting `DOCUMENT_ODT_TEMPLATE`), if it has one."""
    path = settings.DOCUMENT_ODT_TEMPLATE
    return Path(path).read_bytes() if path else None


def odt(document: Document, template_file: bytes | None = None) -> bytes:
    odf = OdfDocument(io.BytesIO(template_file)) if template_file else template()
    odf.body.clear()
    odf.body.append(Paragraph(typography(document.title), style=TITLE))
    if document.subtitle:
        odf.body.append(Paragraph(typography(document.subtitle), style=SUBTITLE))
    for index, block in enumerate(document.blocks, start=1):
        for element in _elements(odf, block, index):
            odf.body.append(element)
    _describe(odf, document)
    output = io.BytesIO()
    odf.save(output)
    return restamped(output.getvalue(), document.metadata.created)
