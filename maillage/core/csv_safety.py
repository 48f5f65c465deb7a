"""CSV cells that a spreadsheet would run as a formula are defused with a leading apostrophe.

Used by every CSV the platform serves (exports, rejected import lines, open data).
"""

import csv
import io
from collections.abc import Iterable

DANGEROUS_FIRST = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(DANGEROUS_FIRST) else text


def escape_row(values: Iterable[object]) -> list[str]:
    return [escape_cell(value) for value in values]


def spreadsheet_csv(rows: Iterable[Iterable[str]]) -> str:
    """The text of a CSV that French spreadsheets open as is: a UTF-8 byte order mark, `;`
    between cells, CRLF between lines. The cells come already defused (`escape_cell`)."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    return "\ufeff" + buffer.getvalue()
