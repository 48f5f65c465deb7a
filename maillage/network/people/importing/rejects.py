"""The rejected rows of an import as CSV, to correct and import again."""

from __future__ import annotations

import csv
import io

from maillage.core.csv_safety import escape_row
from maillage.network.people.importing.running import ImportReport


def rejects_csv(report: ImportReport) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(escape_row(["Ligne", "Motif", *report.header]))
    for rejected in report.rejected:
        writer.writerow(escape_row([rejected["line"], rejected["reason"], *rejected["values"]]))
    return "\ufeff" + buffer.getvalue()
