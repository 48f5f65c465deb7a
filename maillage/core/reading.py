"""Reading uploaded files within limits, so that no file can take a process down.

A file small on the wire may be huge once read: a gzip of 2 MB can hold 8 million rows or one
line of 4 GiB, an .xlsx of 336 KB a row of three million cells, a JSON file a nesting deep enough
to exhaust the parser. Each reader here stops as soon as a limit is passed, before memory grows,
and says why in French (`ReadingRefused`). The limits are settings (`READING_MAX_…`).

A CSV is decoded here too, for every importer: its encoding (`text_encoding`), its separator
(`delimiter_of`), its lines (`decoded`, BOM dropped) and its records (`csv_records`).
"""

from __future__ import annotations

import codecs
import csv
import gzip
import json
import re
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields, replace
from itertools import accumulate
from pathlib import Path
from typing import IO, Any, cast
from xml.etree.ElementTree import ParseError, iterparse

from django.conf import settings

SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]")
_COLUMN = re.compile(r"[A-Z]+")


# What zipfile raises on a damaged or forged archive besides BadZipFile (found by fuzzing): a part
# that does not inflate, an unknown compression method, a name said to be UTF-8 but not (a
# ValueError), offsets outside the file ("negative seek value", also a ValueError), a part said
# to be encrypted (RuntimeError: password required).
DAMAGED_ZIP = (
    zipfile.BadZipFile,
    RuntimeError,
    zlib.error,
    NotImplementedError,
    ValueError,
    OverflowError,
    struct.error,
    EOFError,
    OSError,
    KeyError,
)


class ReadingRefused(ValueError):
    """The file passes a reading limit or cannot be read; the message is for people."""


@dataclass(frozen=True)
class Limits:
    decompressed_bytes: int  # the whole content once decompressed
    rows: int
    line_bytes: int  # one line of a text file (a CSV record may span several)
    cells_per_row: int
    json_depth: int  # nested objects and lists
    json_bytes: int  # a JSON document is parsed whole
    xlsx_bytes: int  # the uncompressed parts of a workbook

    @classmethod
    def from_settings(cls, **overrides: int) -> Limits:
        values = {f.name: getattr(settings, f"READING_MAX_{f.name.upper()}") for f in fields(cls)}
        return replace(cls(**values), **overrides)


def size(count: int) -> str:
    """« 1 Mo », « 16 Go »: a limit as people read it."""
    for unit, factor in (("Go", 1024**3), ("Mo", 1024**2), ("ko", 1024)):
        if count >= factor:
            return f"{number(count // factor)} {unit}"
    return f"{number(count)} octets"


def number(count: int) -> str:
    return f"{count:,}".replace(",", "\u202f")


def open_binary(path: Path) -> IO[bytes]:
    """The file's bytes, decompressed if it is a gzip."""
    if path.suffix.lower() == ".gz":
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def lines(stream: IO[bytes], name: str, limits: Limits) -> Iterator[bytes]:
    """The stream's lines, never reading more than one line's limit at a time."""
    total = 0
    for number_ in range(1, limits.rows + 2):
        line = stream.readline(limits.line_bytes + 1)
        if not line:
            return
        total += len(line)
        if len(line) > limits.line_bytes and not line.endswith(b"\n"):
            raise ReadingRefused(
                f"« {name} » a une ligne trop longue (ligne {number(number_)}, plus de "
                f"{size(limits.line_bytes)}) : ce n’est pas un fichier de données attendu."
            )
        if total > limits.decompressed_bytes:
            raise ReadingRefused(
                f"« {name} » dépasse {size(limits.decompressed_bytes)} une fois décompressé."
            )
        yield line
    raise _too_many_rows(name, limits)


def _too_many_rows(name: str, limits: Limits) -> ReadingRefused:
    return ReadingRefused(
        f"« {name} » dépasse {number(limits.rows)} lignes : découpez-le en plusieurs fichiers."
    )


# What a spreadsheet saves as "CSV": UTF-8 (with or without a BOM), or Excel's Windows-1252.
SPREADSHEET_ENCODINGS = ("utf-8", "cp1252")
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "cp1252": "Latin-1 (Windows-1252)"}


def text_encoding(
    sample: bytes, name: str, encodings: Sequence[str] = SPREADSHEET_ENCODINGS
) -> str:
    """The first of `encodings` that reads the file's first bytes as text ("utf-8-sig" for
    UTF-8 behind a BOM); an empty or binary file, or one in another encoding, is refused."""
    if not sample.strip():
        raise ReadingRefused(f"« {name} » est vide.")
    if b"\x00" in sample:
        raise ReadingRefused(
            f"« {name} » n’est pas un fichier texte lisible (octets nuls : UTF-16 ou binaire ?)."
        )
    for encoding in encodings:
        try:  # incremental: the sample may end inside a character
            text = codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        if any(ord(char) < 32 and char not in "\t\r\n" for char in text):
            break  # control characters: binary whatever the encoding
        bom = encoding == "utf-8" and sample.startswith(codecs.BOM_UTF8)
        return "utf-8-sig" if bom else encoding
    accepted = " ou ".join(ENCODING_NAMES.get(encoding, encoding) for encoding in encodings)
    raise ReadingRefused(f"« {name} » n’est pas encodé en {accepted} : son contenu est illisible.")


def delimiter_of(first_line: bytes) -> str:
    """`;` (French spreadsheets) or `,`: whichever the header line uses more."""
    return ";" if first_line.count(b";") >= first_line.count(b",") else ","


def decoded(raw_lines: Iterable[bytes], encoding: str, describe_error: Any) -> Iterator[str]:
    """Each line decoded; `describe_error(line_number)` gives the refusal of an unreadable one."""
    for number_, line in enumerate(raw_lines, 1):
        try:
            text = line.decode(encoding)
        except UnicodeDecodeError:
            raise ReadingRefused(describe_error(number_)) from None
        yield text.lstrip("\ufeff") if number_ == 1 else text


def csv_records(
    text_lines: Iterable[str], delimiter: str, name: str, limits: Limits
) -> Iterator[tuple[int, list[str]]]:
    """The CSV records with the line where each starts; a record may span several lines."""
    csv.field_size_limit(limits.line_bytes)
    reader = csv.reader(text_lines, delimiter=delimiter)
    line_end = 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ReadingRefused(_csv_error(name, line_end + 1, str(error), limits)) from None
        start, line_end = line_end + 1, reader.line_num
        if len(record) > limits.cells_per_row:
            raise ReadingRefused(
                f"« {name} » a plus de {number(limits.cells_per_row)} colonnes à la ligne "
                f"{number(start)} : ce n’est pas un fichier de données attendu."
            )
        yield start, record


def _csv_error(name: str, line: int, error: str, limits: Limits) -> str:
    if "field larger than field limit" in error:
        return (
            f"« {name} » a une valeur de plus de {size(limits.line_bytes)} vers la ligne "
            f"{number(line)} (guillemet jamais refermé ?)."
        )
    if "new-line character seen in unquoted field" in error:
        return f"« {name} » a un saut de ligne isolé hors guillemets vers la ligne {number(line)}."
    return f"« {name} » n’est pas un CSV valide vers la ligne {number(line)}."


def json_document(path: Path, limits: Limits) -> Any:
    """The JSON document of a plain file, refused if too large or too deeply nested."""
    name = path.name
    if path.stat().st_size > limits.json_bytes:
        raise ReadingRefused(f"« {name} » dépasse {size(limits.json_bytes)}.")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReadingRefused(f"« {name} » n’est pas encodé en UTF-8 : illisible.") from None
    if nesting_depth(text) > limits.json_depth:
        raise ReadingRefused(
            f"« {name} » imbrique des objets ou des listes sur plus de "
            f"{number(limits.json_depth)} niveaux : ce n’est pas un export attendu."
        )
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ReadingRefused(
            f"« {name} » n’est pas un JSON valide (ligne {number(error.lineno)}) : tronqué ou "
            "abîmé ?"
        ) from None


def nesting_depth(text: str) -> int:
    """How deep lists and objects nest, counted without parsing (strings set aside)."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    steps = (1 if char in "[{" else -1 for char in brackets)
    return max(accumulate(steps, initial=0))


def check_workbook(path: Path | IO[bytes], name: str, limits: Limits) -> None:
    """Refuse an .xlsx whose parts are too large once uncompressed, or whose sheets have too
    many rows or cells in a row, reading its XML as a stream (what openpyxl, reading a whole row
    at once, cannot do)."""
    try:
        with zipfile.ZipFile(path) as book:
            parts = book.infolist()
            if sum(part.file_size for part in parts) > limits.xlsx_bytes:
                raise ReadingRefused(
                    f"« {name} » dépasse {size(limits.xlsx_bytes)} une fois décompressé."
                )
            for part in parts:
                if part.filename.startswith("xl/worksheets/") and part.filename.endswith(".xml"):
                    with book.open(part) as sheet:
                        _check_sheet(sheet, name, limits)
    except ReadingRefused:
        raise
    except (*DAMAGED_ZIP, ParseError):
        raise ReadingRefused(
            f"« {name} » n’est pas un fichier Excel lisible (format .xlsx attendu)."
        ) from None


def _check_sheet(sheet: IO[bytes], name: str, limits: Limits) -> None:
    rows = 0
    cells = 0
    open_elements: list[Any] = []
    for event, element in iterparse(sheet, events=("start", "end")):
        if event == "start":
            open_elements.append(element)
            if element.tag == f"{SHEET_NS}row":
                rows, cells = rows + 1, 0
                if rows > limits.rows:
                    raise _too_many_rows(name, limits)
            continue
        open_elements.pop()
        if element.tag == f"{SHEET_NS}c":
            cells = max(cells + 1, _column(element.get("r", "")))
            if cells > limits.cells_per_row:
                raise ReadingRefused(
                    f"« {name} » a plus de {number(limits.cells_per_row)} cellules à la ligne "
                    f"{number(rows)} : ce n’est pas un tableau attendu."
                )
        if element.tag in {f"{SHEET_NS}c", f"{SHEET_NS}row"} and open_elements:
            open_elements[-1].remove(element)  # the last child: read, so dropped


def _column(reference: str) -> int:
    """« AB12 » → 28: openpyxl fills the empty cells before a cell far to the right."""
    letters = _COLUMN.match(reference)
    if letters is None:
        return 0
    index = 0
    for letter in letters.group():
        index = index * 26 + ord(letter) - 64
    return index
