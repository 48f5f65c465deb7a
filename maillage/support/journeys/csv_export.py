"""A dashboard table as CSV for a spreadsheet: UTF-8 with BOM, `;` separated, decimal comma,
formula-looking cells defused (see core/csv_safety)."""

from __future__ import annotations

from decimal import Decimal

from maillage.core.csv_safety import escape_cell, spreadsheet_csv
from maillage.support.journeys.dashboard import Table


def _cell(value: object) -> str:
    if isinstance(value, Decimal | float):
        return escape_cell(str(value).replace(".", ","))
    return escape_cell(value)


def table_csv(table: Table) -> str:
    header = [_cell(title) for title in table.headers]
    return spreadsheet_csv([header, *([_cell(value) for value in row] for row in table.rows)])
