"""The rejected rows of an import as CSV, to correct and import again."""

from __future__ import annotations

from maillage.core.csv_safety import escape_row, spreadsheet_csv
from maillage.network.people.importing.running import ImportReport


def rejects_csv(report: ImportReport) -> str:
    header = escape_row(["Ligne", "Motif", *report.header])
    rows = (
        escape_row([rejected["line"], rejected["reason"], *rejected["values"]])
        for rejected in report.rejected
    )
    return spreadsheet_csv([header, *rows])
