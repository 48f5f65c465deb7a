"""Reading an uploaded sheet into a header and rows of text, or refusing it whole."""

from __future__ import annotations

import io

from maillage.core.reading import (
    DAMAGED_ZIP,
    Limits,
    ReadingRefused,
    check_workbook,
    csv_records,
    decoded,
    delimiter_of,
    lines,
    text_encoding,
)

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 40


class SheetRefused(ValueError):
    """The file cannot be read as a sheet of contacts; nothing was written."""


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # Excel stores a SIRET typed as a number as a float
    return str(value).strip()


def _limits() -> Limits:
    """The reading limits of a contacts sheet: a header, MAX_ROWS rows of MAX_COLUMNS cells."""
    return Limits.from_settings(rows=MAX_ROWS + 1, cells_per_row=MAX_COLUMNS)


def _csv_rows(name: str, data: bytes) -> list[list[str]]:
    encoding = text_encoding(data, name)
    delimiter = delimiter_of(data.split(b"\n", 1)[0])
    limits = _limits()
    text = decoded(
        lines(io.BytesIO(data), name, limits),
        encoding,
        lambda line: f"« {name} » est illisible à la ligne {line}.",
    )
    records = csv_records(text, delimiter, name, limits)
    return [[_cell(value) for value in row] for _, row in records]


def _xlsx_rows(name: str, data: bytes) -> list[list[str]]:
    # Loaded only to read a workbook: every process starts without it.
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    check_workbook(io.BytesIO(data), name, _limits())
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    # A part not XML: the standard library's ParseError, or lxml's XMLSyntaxError when openpyxl
    # reads through lxml (installed with the document libraries); both are SyntaxErrors.
    except (InvalidFileException, SyntaxError, *DAMAGED_ZIP):
        raise SheetRefused("Ce fichier Excel est illisible (format .xlsx attendu).") from None
    if not book.worksheets:  # its workbook part names no sheet it holds
        raise SheetRefused("Ce fichier Excel n’a aucune feuille de calcul lisible.")
    sheet = book.worksheets[0]
    rows = []
    # Bounded by the dimension a sheet declares, which may be far wider than its cells.
    for row in sheet.iter_rows(max_col=MAX_COLUMNS, max_row=MAX_ROWS + 2, values_only=True):
        rows.append([_cell(value) for value in row])
    book.close()
    return rows


Rows = list[tuple[int, list[str]]]


def read_sheet(name: str, data: bytes) -> tuple[list[str], Rows]:
    """The header and the data rows with their line number in the file (blank rows dropped,
    each padded to the header's width)."""
    if len(data) > MAX_BYTES:
        raise SheetRefused("Le fichier dépasse 5 Mo : découpez-le en plusieurs fichiers.")
    if not data:
        raise SheetRefused("Le fichier est vide.")
    lowered = name.lower()
    try:
        if lowered.endswith(".xlsx"):
            rows = _xlsx_rows(name, data)
        elif lowered.endswith((".csv", ".txt")):
            rows = _csv_rows(name, data)
        else:
            raise SheetRefused("Format non pris en charge : déposez un fichier .csv ou .xlsx.")
    except ReadingRefused as refusal:
        raise SheetRefused(str(refusal)) from None
    lines = [(number, row) for number, row in enumerate(rows, start=1) if any(row)]
    if not lines:
        raise SheetRefused("Le fichier ne contient aucune ligne.")
    header = [value or f"Colonne {index + 1}" for index, value in enumerate(lines[0][1])]
    if len(header) > MAX_COLUMNS:
        raise SheetRefused(f"Le fichier a plus de {MAX_COLUMNS} colonnes.")
    width = len(header)
    data_rows = [(number, (row + [""] * width)[:width]) for number, row in lines[1:]]
    if len(data_rows) > MAX_ROWS:
        raise SheetRefused(f"Le fichier dépasse {MAX_ROWS} lignes : découpez-le.")
    if not data_rows:
        raise SheetRefused("Le fichier n’a qu’une ligne d’en-tête, sans contact.")
    return header, data_rows
