"""Sheets of contacts to upload, and the steps of an import as staff take them."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile

from maillage.network.people.importing.mapping import guess_mapping
from maillage.network.people.models import ContactImport

HEADER = "Nom;Prénom;Courriel;Téléphone;Structure;SIRET;Rôle;Étiquettes"


def sheet(*lines: str, name="contacts.csv", encoding="utf-8") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, "\n".join([HEADER, *lines]).encode(encoding))


def upload(client, file) -> ContactImport:
    response = client.post("/contacts/import/", {"sheet": file})
    assert response.status_code == 302, response.content.decode()[:2000]
    return ContactImport.objects.get(pk=int(re.search(r"/(\d+)/$", response["Location"])[1]))


def confirm_data(mapping=None) -> dict[str, str]:
    """The mapping form's data: the guessed mapping of HEADER, or the one given."""
    header_count = len(HEADER.split(";")) if mapping is None else len(mapping)
    guessed = guess_mapping(HEADER.split(";")) if mapping is None else mapping
    return {f"colonne_{index}": guessed[index] for index in range(header_count)}
