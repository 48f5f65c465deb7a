"""Inputs the fuzzer found to crash an importer, each now refused with its message."""

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from maillage.network.people.importing.reading import SheetRefused, read_sheet

CRASHES = Path(__file__).resolve().parent / "crashes"


def _workbook() -> bytearray:
    book = Workbook()
    book.active.append(["Prénom", "Nom", "Courriel"])  # type: ignore[union-attr]
    out = io.BytesIO()
    book.save(out)
    return bytearray(out.getvalue())


def _workbook_with_a_corrupt_part(part: str) -> bytes:
    """A valid .xlsx, then `part`'s compressed bytes overwritten: its zip directory and sizes
    still hold, but the part no longer inflates (zlib's "invalid block type")."""
    data = _workbook()
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(part)
    name_length = int.from_bytes(data[info.header_offset + 26 : info.header_offset + 28], "little")
    extra_length = int.from_bytes(data[info.header_offset + 28 : info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_length + extra_length
    data[start : start + 8] = b"\xff" * 8
    return bytes(data)


@pytest.mark.parametrize("part", ["xl/styles.xml", "xl/worksheets/sheet1.xml"])
def test_a_contacts_workbook_with_a_corrupt_part_is_refused(part):
    with pytest.raises(SheetRefused, match=r"Excel .*\(format \.xlsx attendu\)"):
        read_sheet("contacts.xlsx", _workbook_with_a_corrupt_part(part))


def _workbook_with_an_unknown_compression(part: str) -> bytes:
    """A valid .xlsx whose directory says `part` is compressed by method 99 (unknown)."""
    data = _workbook()
    entry = data.rfind(b"PK\x01\x02", 0, data.rfind(part.encode()))  # its central record
    data[entry + 10 : entry + 12] = (99).to_bytes(2, "little")
    return bytes(data)


@pytest.mark.parametrize("part", ["xl/styles.xml", "xl/worksheets/sheet1.xml"])
def test_a_contacts_workbook_compressed_by_an_unknown_method_is_refused(part):
    with pytest.raises(SheetRefused, match=r"Excel .*\(format \.xlsx attendu\)"):
        read_sheet("contacts.xlsx", _workbook_with_an_unknown_compression(part))


def test_a_contacts_workbook_with_a_part_name_not_in_utf8_is_refused():
    data = _workbook()
    entry = data.rfind(b"PK\x01\x02", 0, data.rfind(b"xl/styles.xml"))
    flags = int.from_bytes(data[entry + 8 : entry + 10], "little") | 0x800  # "name in UTF-8"
    data[entry + 8 : entry + 10] = flags.to_bytes(2, "little")
    data[entry + 46] = 0xCD  # the name's first byte: no UTF-8 text starts so
    with pytest.raises(SheetRefused, match=r"Excel .*\(format \.xlsx attendu\)"):
        read_sheet("contacts.xlsx", bytes(data))


def test_a_contacts_workbook_whose_parts_lie_before_the_file_is_refused():
    # The fuzzer's own input: zipfile seeks before the file's start ("negative seek value").
    data = (CRASHES / "contacts-negative-seek.xlsx").read_bytes()
    with pytest.raises(SheetRefused, match=r"Excel .*\(format \.xlsx attendu\)"):
        read_sheet("contacts.xlsx", data)


def test_a_contacts_workbook_without_a_sheet_is_refused():
    data = (CRASHES / "contacts-no-sheet.xlsx").read_bytes()  # the fuzzer's input
    with pytest.raises(SheetRefused, match="Ce fichier Excel n’a aucune feuille de calcul"):
        read_sheet("contacts.xlsx", data)


@pytest.mark.parametrize("part", ["xl/theme/theme1.xml", "xl/worksheets/sheet1.xml"])
def test_a_contacts_workbook_with_an_encrypted_part_is_refused(part):
    data = _workbook()
    entry = data.rfind(b"PK\x01\x02", 0, data.rfind(part.encode()))
    flags = int.from_bytes(data[entry + 8 : entry + 10], "little") | 0x1  # "encrypted"
    data[entry + 8 : entry + 10] = flags.to_bytes(2, "little")
    with pytest.raises(SheetRefused, match=r"Excel .*\(format \.xlsx attendu\)"):
        read_sheet("contacts.xlsx", bytes(data))


def test_a_contacts_workbook_with_a_part_that_is_not_xml_is_refused():
    parts = zipfile.ZipFile(io.BytesIO(bytes(_workbook())))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        for info in parts.infolist():
            empty = info.filename == "xl/styles.xml"
            book.writestr(info.filename, b"" if empty else parts.read(info.filename))
    with pytest.raises(SheetRefused, match=r"Excel .*\(format \.xlsx attendu\)"):
        read_sheet("contacts.xlsx", out.getvalue())
