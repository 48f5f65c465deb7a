"""Sheets of contacts to upload, and the steps of an import as staff take them."""

import io
import re
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from maillage.network.people.importing.mapping import guess_mapping
from maillage.network.people.models import ContactImport
from tests.tokens import with_token

HEADER = "Nom;Prénom;Courriel;Téléphone;Structure;SIRET;Rôle;Étiquettes"


def sheet(*lines: str, name="contacts.csv", encoding="utf-8") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, "\n".join([HEADER, *lines]).encode(encoding))


def upload(client, file) -> ContactImport:
    response = client.post("/contacts/import/", with_token({"sheet": file}))
    assert response.status_code == 302, response.content.decode()[:2000]
    return ContactImport.objects.get(pk=int(re.search(r"/(\d+)/$", response["Location"])[1]))


def confirm_data(mapping=None) -> dict[str, str]:
    """The mapping form's data: the guessed mapping of HEADER, or the one given."""
    header_count = len(HEADER.split(";")) if mapping is None else len(mapping)
    guessed = guess_mapping(HEADER.split(";")) if mapping is None else mapping
    return {f"colonne_{index}": guessed[index] for index in range(header_count)}


def workbook_bomb(cells: int) -> bytes:
    """A valid .xlsx whose first row holds `cells` cells: a few hundred kilobytes on the wire
    for three million cells, which openpyxl reads as one row in memory."""
    book = Workbook()
    book.active.append(["Nom"])
    plain = io.BytesIO()
    book.save(plain)
    row = "".join(f'<c t="n"><v>{n % 10}</v></c>' for n in range(cells))
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<sheetData><row r="1">{row}</row></sheetData></worksheet>'
    )
    bomb = io.BytesIO()
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for part in source.infolist():
            is_sheet = part.filename == "xl/worksheets/sheet1.xml"
            out.writestr(part.filename, sheet if is_sheet else source.read(part))
    return bomb.getvalue()
