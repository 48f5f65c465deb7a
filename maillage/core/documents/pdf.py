"""A document as a tagged, accessible PDF (PDF/UA-1) drawn by WeasyPrint from its HTML.

The structure tree (headings, tables, figures with their text alternative), the language and the
title come from the HTML. The date written is the document's own (`Metadata.created`), never
today's: the same document gives the same bytes.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from maillage.core.documents.html import body
from maillage.core.documents.model import Document
from maillage.core.french import typography

STYLESHEET = Path(__file__).with_name("print.css")


def _meta(name: str, content: str) -> str:
    return f'<meta name="{name}" content="{escape(content)}">' if content else ""


def page(document: Document) -> str:
    """The whole HTML page the PDF is drawn from."""
    metadata = document.metadata
    created = metadata.created.isoformat(timespec="seconds") if metadata.created else ""
    subtitle = f'<p class="document-subtitle">{escape(typography(document.subtitle))}</p>'
    return (
        f'<!DOCTYPE html><html lang="{escape(document.lang)}"><head><meta charset="utf-8">'
        f"<title>{escape(typography(document.title))}</title>"
        + _meta("author", metadata.author)
        + _meta("description", metadata.subject)
        + _meta("keywords", ", ".join(metadata.keywords))
        + _meta("dcterms.created", created)
        + _meta("dcterms.modified", created)
        + f"</head><body><h1>{escape(typography(document.title))}</h1>"
        + (subtitle if document.subtitle else "")
        + body(document, for_print=True)
        + "</body></html>"
    )


def pdf(document: Document) -> bytes:
    # Imported here, not at the top: WeasyPrint and its libraries take about a second to load, and
    # every process that registers the report tasks (the worker, each gunicorn worker, each
    # management command) would pay it, though few of them ever draw a PDF.
    from weasyprint import HTML

    html = HTML(string=page(document), base_url=str(STYLESHEET.parent))
    written: bytes = html.write_pdf(
        stylesheets=[str(STYLESHEET)], pdf_variant="pdf/ua-1", custom_metadata=True
    )
    return written
