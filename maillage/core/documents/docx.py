"""A document as a DOCX (python-docx), with Word's standard styles so it can be restyled.

Headings are real headings (a navigable outline), tables repeat their header row on each page,
charts are PNG images carrying their title and description as alternative text.
"""

from __future__ import annotations

import io

import docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table as DocxTable

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
from maillage.core.documents.zipped import restamped
from maillage.core.french import typography

CHART_WIDTH = Cm(16)


def _repeat_header(table: DocxTable) -> None:
    properties = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _table(out: DocxDocument, block: Table) -> None:
    out.add_paragraph(typography(block.caption), style="Caption")
    table = out.add_table(rows=1 + len(block.rows), cols=len(block.header))
    table.style = "Table Grid"
    for column, title in enumerate(block.header):
        cell = table.cell(0, column)
        cell.text = typography(title)
        cell.paragraphs[0].runs[0].bold = True
    for row_index, row in enumerate(block.rows, start=1):
        for column, value in enumerate(row):
            cell = table.cell(row_index, column)
            cell.text = typography(cell_text(value))
            if block.is_numeric(column):
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _repeat_header(table)


def _picture(out: DocxDocument, data: bytes, title: str, description: str, width: Cm) -> None:
    shape = out.add_picture(io.BytesIO(data), width=width)
    properties = shape._inline.docPr
    properties.set("title", typography(title))
    properties.set("descr", typography(description))


def _write(out: DocxDocument, block: Block) -> None:
    match block:
        case Heading(level=level, text=text):
            out.add_heading(typography(text), level=level)
        case Paragraph(text=text):
            out.add_paragraph(typography(text))
        case BulletList(items=items):
            for item in items:
                out.add_paragraph(typography(item), style="List Bullet")
        case Table():
            _table(out, block)
        case Chart(title=title, description=description):
            _picture(out, charts.png(block), title, description, CHART_WIDTH)
            out.add_paragraph(typography(title), style="Caption")
            _table(out, block.table)
        case Image(data=data, alt=alt):
            _picture(out, data, alt, alt, Cm(4))
        case PageBreak():
            out.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        case Note(text=text):
            out.add_paragraph(typography(text), style="Quote")
        case Source(text=text):
            run = out.add_paragraph().add_run(typography(f"Source : {text}"))
            run.font.size = Pt(8.5)


def _language(out: DocxDocument, lang: str) -> None:
    """The spelling language of every style (python-docx's template says en-US)."""
    defaults = out.styles.element.find(qn("w:docDefaults"))
    assert defaults is not None
    for language in defaults.iter(qn("w:lang")):
        language.set(qn("w:val"), lang)


def docx_bytes(document: Document) -> bytes:
    out = docx.Document()
    metadata = document.metadata
    properties = out.core_properties
    properties.title = typography(document.title)
    properties.subject = metadata.subject
    properties.keywords = ", ".join(metadata.keywords)
    properties.author = properties.last_modified_by = metadata.author
    properties.language = document.lang
    properties.revision = 1
    if metadata.created:
        properties.created = properties.modified = metadata.created.replace(tzinfo=None)
    _language(out, "fr-FR" if document.lang == "fr" else document.lang)
    out.add_heading(typography(document.title), level=0)
    if document.subtitle:
        out.add_paragraph(typography(document.subtitle), style="Subtitle")
    for block in document.blocks:
        _write(out, block)
    output = io.BytesIO()
    out.save(output)
    return restamped(output.getvalue(), metadata.created)
