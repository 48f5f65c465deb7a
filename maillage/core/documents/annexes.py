"""The tables of a document as CSV annexes: one file per table, zipped.

For a French spreadsheet: UTF-8 with BOM, `;` separated, a decimal comma and no thousands
separator (« 1250,5 »), so numbers stay numbers; text through the one formula-defusing rule.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.text import slugify

from maillage.core.csv_safety import escape_cell, spreadsheet_csv
from maillage.core.documents.model import Cell, Document, Table
from maillage.core.documents.zipped import archive


def _raw(value: Cell) -> str:
    if isinstance(value, bool) or value is None:
        return escape_cell(value if value is not None else "")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        return f"{value:f}".replace(".", ",")
    return escape_cell(value)


def table_csv(table: Table) -> bytes:
    header = [escape_cell(title) for title in table.header]
    return spreadsheet_csv(
        [header, *([_raw(value) for value in row] for row in table.rows)]
    ).encode()


def annexes(document: Document) -> bytes:
    """A zip of the document's tables in reading order: « 01-activites-par-action.csv »…"""
    files = {
        f"{index:02d}-{slugify(table.caption)[:60] or 'tableau'}.csv": table_csv(table)
        for index, table in enumerate(document.tables(), start=1)
    }
    return archive(files, document.metadata.created)
