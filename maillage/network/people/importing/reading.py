"""Reading an uploaded sheet into a header and rows of text, or refusing it whole."""

from __future__ import annotations

import csv
import io
import zipfile

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

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


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SheetRefused("Le fichier n’est ni en UTF-8 ni en Windows-1252 : il est illisible.")


def _csv_rows(data: bytes) -> list[list[str]]:
    text = _decode(data)
    if "\x00" in text:
        raise SheetRefused("Ce fichier n’est pas un fichier texte CSV.")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    try:
        return [
            [_cell(v) for v in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)
        ]
    except csv.Error as error:
        raise SheetRefused(f"Le fichier CSV est mal formé ({error}).") from None


def _xlsx_rows(data: bytes) -> list[list[str]]:
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise SheetRefused("Ce fichier Excel est illisible (format .xlsx attendu).") from None
    sheet = book.worksheets[0]
    rows = []
    for row in sheet.iter_rows(values_only=True):
        rows.append([_cell(value) for value in row[:MAX_COLUMNS]])
        if len(rows) > MAX_ROWS + 1:
            break
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
    if lowered.endswith(".xlsx"):
        rows = _xlsx_rows(data)
    elif lowered.endswith((".csv", ".txt")):
        rows = _csv_rows(data)
    else:
        raise SheetRefused("Format non pris en charge : déposez un fichier .csv ou .xlsx.")
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
