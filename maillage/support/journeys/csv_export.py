"""A dashboard table as CSV for a spreadsheet: UTF-8 with BOM, `;` separated, decimal comma,
formula-looking cells defused (see core/csv_safety)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from maillage.core.csv_safety import escape_cell
from maillage.support.journeys.dashboard import Table


def _cell(value: object) -> str:
    if isinstance(value, Decimal | float):
        return escape_cell(str(value).replace(".", ","))
    return escape_cell(value)


def table_csv(table: Table) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([_cell(header) for header in table.headers])
    for row in table.rows:
        writer.writerow([_cell(value) for value in row])
    return "\ufeff" + buffer.getvalue()
