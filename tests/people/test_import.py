"""Import of contacts from a spreadsheet: preview, mapping, duplicates, rejects, report."""

import csv
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from maillage.core.form_tokens import ALREADY_SAVED
from maillage.network.people.enums import AffiliationRole, ImportStatus
from maillage.network.people.importing.mapping import guess_mapping, role_from
from maillage.network.people.models import Affiliation, ContactImport, Person
from tests.directory.factories import EstablishmentFactory
from tests.people.factories import PersonFactory
from tests.people.sheets import sheet, upload
from tests.tokens import with_token
from tests.typeset import french

pytestmark = pytest.mark.django_db


def test_french_headers_are_guessed():
    header = ["NOM", "Prénom", "E-mail", "Tél", "Structure", "N° SIRET", "Fonction", "Autre"]

    assert guess_mapping(header) == [
        "last_name", "first_name", "email", "phone", "organisation", "siret", "role", "",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Présidente", AffiliationRole.PRESIDENT),
        ("trésorier", AffiliationRole.BOARD_MEMBER),
        ("Bénévole", AffiliationRole.VOLUNTEER),
        ("Chargée de mission", AffiliationRole.EMPLOYEE),
        ("Jardinier", AffiliationRole.OTHER),
    ],
)
def test_french_role_words_become_roles(text, role):
    assert role_from(text) == role


def test_the_preview_shows_the_first_rows_and_writes_no_person(staff_client):
    contact_import = upload(staff_client, sheet("Durand;Léa;lea@exemple.org;;;;;"))

    page = staff_client.get(f"/contacts/import/{contact_import.pk}/").content.decode()

    assert "Durand" in page
    assert french("Colonne « Courriel »") in page
    assert not Person.objects.exists()


def test_import_creates_people_links_organisations_and_reports(staff_client, run):
    site = EstablishmentFactory(siret="12345678900012")
    PersonFactory(email="deja@exemple.org", last_name="Connue", phone="")
    contact_import = upload(
        staff_client,
        sheet(
            "Durand;Léa;lea@exemple.org;02 99 00 00 01;Recyclerie;123 456 789 00012;"
            "Présidente;élus",
            "Connue;Anne;DEJA@exemple.org;06 00 00 00 00;;;;",
            "Durand;Léa;lea@exemple.org;;;;;",
            ";;pas-une-adresse;;;;;",
            "Sans;Structure;sans@exemple.org;;Asso inconnue;;;",
            "Mauvais;Siret;mauvais@exemple.org;;;12AB;;",
        ),
    )

    response = run(staff_client, contact_import)

    assert response.status_code == 302
    contact_import.refresh_from_db()
    assert contact_import.status == ImportStatus.DONE
    assert contact_import.rows == ""
    lea = Person.objects.get(email="lea@exemple.org")
    affiliation = Affiliation.objects.get(person=lea)
    assert (affiliation.legal_unit, affiliation.role) == (site.legal_unit, "president")
    assert list(lea.tags.values_list("name", flat=True)) == ["élus"]
    assert Person.objects.get(email="deja@exemple.org").phone == "06 00 00 00 00"
    report = staff_client.get(f"/contacts/import/{contact_import.pk}/").content.decode()
    assert "structure inconnue de l’annuaire" in report
    assert "même adresse e-mail qu’à la ligne 2" in report
    assert "même adresse e-mail que la fiche" in report
    figures = re.findall(r"<strong>(\d+)</strong>", report)
    # read, created, completed, unchanged, organisations recognised, rejected
    assert figures == ["6", "2", "1", "1", "1", "2"]


def test_rejected_rows_are_downloadable_with_line_and_reason(staff_client, run):
    contact_import = upload(
        staff_client, sheet("Bon;Contact;bon@exemple.org;;;;;", "=HYPERLINK(1);;faux;;;;;")
    )
    run(staff_client, contact_import)

    response = staff_client.get(f"/contacts/import/{contact_import.pk}/rejets.csv")

    text = response.content.decode("utf-8").lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:3] == ["Ligne", "Motif", "Nom"]
    assert rows[1][:3] == ["3", "adresse e-mail invalide : « faux »", "'=HYPERLINK(1)"]
    assert Person.objects.count() == 1


def test_a_windows_1252_csv_with_commas_is_read(staff_client, run):
    file = SimpleUploadedFile(
        "excel.csv", "Nom,Prénom,E-mail\nLefèvre,Zoé,zoe@exemple.org\n".encode("cp1252")
    )
    contact_import = upload(staff_client, file)

    run(staff_client, contact_import, ["last_name", "first_name", "email"])

    assert str(Person.objects.get()) == "Zoé Lefèvre"


def test_an_xlsx_sheet_is_imported_with_numeric_siret(staff_client, run):
    site = EstablishmentFactory(siret="12345678900012")
    book = Workbook()
    book.active.append(["Nom", "Prénom", "SIRET"])
    book.active.append(["Morel", "Inès", 12345678900012])
    content = io.BytesIO()
    book.save(content)
    contact_import = upload(staff_client, SimpleUploadedFile("contacts.xlsx", content.getvalue()))

    run(staff_client, contact_import, ["last_name", "first_name", "siret"])

    assert Affiliation.objects.get().legal_unit == site.legal_unit


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("contacts.pdf", b"%PDF-1.4", "Format non pris en charge"),
        ("contacts.csv", b"", "vide"),
    ],
)
def test_a_file_refused_on_its_name_or_size_is_refused_at_once(
    staff_client, name, content, message
):
    response = staff_client.post(
        "/contacts/import/", with_token({"sheet": SimpleUploadedFile(name, content)})
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ContactImport.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("contacts.xlsx", b"not a zip file", "n’est pas un fichier Excel lisible"),
        ("contacts.csv", b"Nom;Courriel\n", "qu’une ligne d’en-tête"),
        ("contacts.csv", b"Nom\x00;Courriel\nA;b\n", "pas un fichier texte"),
        ("contacts.csv", b"Nom;Courriel\n\x81\x8d;b\n", "pas encodé en UTF-8 ou Latin-1"),
        ("contacts.csv", b"Nom;Courriel\n" + b"x;" * 100 + b"\n", "plus de 40 colonnes"),
    ],
)
def test_an_unreadable_file_is_refused_by_the_worker_before_any_write(
    staff_client, name, content, message
):
    response = staff_client.post(
        "/contacts/import/", with_token({"sheet": SimpleUploadedFile(name, content)})
    )

    contact_import = ContactImport.objects.get()
    page = staff_client.get(response["Location"]).content.decode()
    assert contact_import.status == ImportStatus.REFUSED
    assert message in page
    assert "rien n’a été enregistré" in page
    assert contact_import.sheet == b""  # the file is not kept
    assert not Person.objects.exists()


def test_a_mapping_without_name_email_or_siret_is_refused(staff_client, run):
    contact_import = upload(staff_client, sheet("Durand;Léa;lea@exemple.org;;;;;"))

    response = run(staff_client, contact_import, ["first_name"] + [""] * 7)

    assert response.status_code == 400
    assert "Associez au moins une colonne" in response.content.decode()
    assert not Person.objects.exists()


def test_a_field_mapped_twice_is_refused(staff_client, run):
    contact_import = upload(staff_client, sheet("Durand;Léa;lea@exemple.org;;;;;"))

    response = run(staff_client, contact_import, ["last_name", "last_name"] + [""] * 6)

    assert response.status_code == 400
    assert "ne peut venir que d’une colonne" in response.content.decode()


def test_running_the_same_import_twice_creates_nothing_more(staff_client, run):
    contact_import = upload(staff_client, sheet("Durand;Léa;lea@exemple.org;;;;;"))

    run(staff_client, contact_import)
    second = run(staff_client, contact_import)

    assert second.status_code == 200  # the report, shown again
    assert Person.objects.count() == 1


def test_the_same_upload_sent_twice_is_one_import(staff_client):
    data = with_token({"sheet": sheet("Morel;Inès;ines@exemple.org;;;;;")})
    first = staff_client.post("/contacts/import/", data)
    data["sheet"].seek(0)

    second = staff_client.post("/contacts/import/", data, follow=True)

    contact_import = ContactImport.objects.get()
    assert first["Location"] == f"/contacts/import/{contact_import.pk}/"
    assert french(ALREADY_SAVED) in second.content.decode()
