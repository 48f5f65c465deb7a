"""What each importer does with the bytes of a file, up to the rows it would write: one function
per importer, taking any bytes. A file may be refused whole (`ImportRefused`, `SheetRefused`) and
a row rejected (`RowError`) or set aside (`OutsideTerritory`): those are the documented
rejections; any other exception is a crash. Commune resolution of the map and spreadsheet
imports reads the database, so their harnesses stop at the cleaned values of each row."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from maillage.directory.sources import gogocarto, rna, sirene, spreadsheet
from maillage.directory.sources.base import CommuneIndex
from maillage.directory.sources.entries import (
    clean_email,
    clean_siret,
    clean_text,
    clean_website,
    clean_yes_no,
    coordinates,
)
from maillage.directory.sources.errors import ImportRefused, OutsideTerritory, RowError
from maillage.directory.sources.files import FileSpec, Row, Scan, check_file, scan_csv
from maillage.network.people.importing.reading import SheetRefused, read_sheet
from tests.directory.conftest import establishment, rna_row, unit
from tests.directory.headers import ESTABLISHMENT_COLUMNS, RNA_COLUMNS, UNIT_COLUMNS

REDON, BAINS = "35236", "35012"
INDEX = CommuneIndex({REDON: 1, BAINS: 2})
DATA = Path(__file__).resolve().parents[1] / "directory" / "data"


@contextlib.contextmanager
def as_file(data: bytes, name: str) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        yield path


def _rows(path: Path, spec: FileSpec) -> Iterator[Row]:
    check_file(path, spec)
    yield from scan_csv(path, spec, spec.required[0], lambda value: True, Scan())


def _each_row(data: bytes, name: str, spec: FileSpec, parse: Callable[[Row], object]) -> None:
    with contextlib.suppress(ImportRefused), as_file(data, name) as path:
        for row in _rows(path, spec):
            if not row.error:
                with contextlib.suppress(RowError, OutsideTerritory):
                    parse(row)


def sirene_establishments(data: bytes) -> None:
    _each_row(
        data,
        "StockEtablissement.csv",
        sirene.ESTABLISHMENTS,
        lambda row: sirene.parse_establishment(row, INDEX),
    )


def sirene_units(data: bytes) -> None:
    _each_row(data, "StockUniteLegale.csv", sirene.UNITS, sirene.parse_unit)


def rna_waldec(data: bytes) -> None:
    _each_row(data, "rna_waldec.csv", rna.WALDEC, lambda row: rna.parse_association(row, INDEX))


def _spreadsheet_values(row: Row, delimiter: str) -> None:
    """The spreadsheet importer's `parse` before it locates the commune."""
    v = {column: clean_text(value, column) for column, value in row.values.items()}
    clean_siret(v.get("siret", ""))
    coordinates(v.get("longitude"), v.get("latitude"))
    clean_website(v.get("site_web", ""))
    clean_email(v.get("courriel", ""))
    for column in ("contacts_publics", "adherent"):
        clean_yes_no(v.get(column, ""), column)
    spreadsheet.split_themes(v.get("themes", ""), delimiter)


def directory_spreadsheet(data: bytes) -> None:
    with contextlib.suppress(ImportRefused), as_file(data, "annuaire.csv") as path:
        spec = spreadsheet.spec_for(path)
        for row in _rows(path, spec):
            if not row.error:
                with contextlib.suppress(RowError):
                    _spreadsheet_values(row, spec.delimiter)


def gogocarto_map(data: bytes) -> None:
    with contextlib.suppress(ImportRefused), as_file(data, "carte.json") as path:
        elements, _ = gogocarto.load_elements(path)
        assert isinstance(elements, list)


def contacts_csv(data: bytes) -> None:
    with contextlib.suppress(SheetRefused):
        read_sheet("contacts.csv", data)


def contacts_xlsx(data: bytes) -> None:
    with contextlib.suppress(SheetRefused):
        read_sheet("contacts.xlsx", data)


TARGETS: dict[str, Callable[[bytes], None]] = {
    "sirene_establishments": sirene_establishments,
    "sirene_units": sirene_units,
    "rna_waldec": rna_waldec,
    "directory_spreadsheet": directory_spreadsheet,
    "gogocarto_map": gogocarto_map,
    "contacts_csv": contacts_csv,
    "contacts_xlsx": contacts_xlsx,
}


def _csv(columns: list[str], rows: list[dict[str, str]], delimiter: str = ",") -> bytes:
    text = io.StringIO()
    writer = csv.DictWriter(text, columns, delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return text.getvalue().encode()


def _xlsx() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Prénom", "Nom", "Courriel", "SIRET"])
    sheet.append(["Anne", "Martin", "anne@exemple.invalid", 12345678900011])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def seeds() -> dict[str, list[bytes]]:
    """A well-formed file per target, for the fuzzer to mutate from."""
    return {
        "sirene_establishments": [
            _csv(ESTABLISHMENT_COLUMNS, [establishment("12345678900011")]),
        ],
        "sirene_units": [_csv(UNIT_COLUMNS, [unit("123456789")])],
        "rna_waldec": [_csv(RNA_COLUMNS, [rna_row("W353000001")], delimiter=";")],
        "directory_spreadsheet": [
            spreadsheet.TEMPLATE.read_bytes(),
            "nom;siret;code_postal;commune;themes;adherent;longitude;latitude\n"
            "La Recyclerie;12345678900011;35600;Redon;vélo|réemploi;oui;-2,08;47,65\n".encode(),
        ],
        "gogocarto_map": [
            (DATA / "gogocarto_elements.json").read_bytes(),
            (DATA / "transiscope_elements.json").read_bytes(),
            json.dumps([{"id": 1, "name": "Atelier", "geo": {}}]).encode(),
        ],
        "contacts_csv": ["Prénom;Nom;Courriel\nAnne;Martin;anne@exemple.invalid\n".encode()],
        "contacts_xlsx": [_xlsx()],
    }
