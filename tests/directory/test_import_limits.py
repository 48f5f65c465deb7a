"""A file past a reading limit is refused in French, from the command as from the upload page,
and the refusal is recorded in its run: nothing was written."""

import gzip

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from maillage.directory.enums import ImportKind, ImportStatus
from maillage.directory.models import Establishment, ImportRun
from tests.directory.conftest import establishment
from tests.directory.headers import ESTABLISHMENT_COLUMNS
from tests.tokens import with_token

DEEP = "[" * 5_000 + "]" * 5_000


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _gzip_with_a_huge_line(path):
    header = ",".join(ESTABLISHMENT_COLUMNS)
    with gzip.open(path, "wb") as handle:
        handle.write(header.encode() + b"\n")
        for _ in range(8):
            handle.write(b"1" * 1024 * 1024)
    return path


def test_a_gzip_holding_one_huge_line_is_refused_from_the_command(territory, tmp_path):
    path = _gzip_with_a_huge_line(tmp_path / "StockEtablissement.csv.gz")

    with pytest.raises(CommandError) as refusal:
        call_command("import_sirene", etablissements=path)

    assert "a une ligne trop longue (ligne 2, plus de 1 Mo)" in str(refusal.value)
    run = ImportRun.objects.get()
    assert (run.status, run.kind) == (ImportStatus.REFUSED, ImportKind.SIRENE_ESTABLISHMENTS)
    assert not Establishment.objects.exists()


def test_a_file_of_too_many_rows_is_refused(territory, sirene_files, settings):
    settings.READING_MAX_ROWS = 3
    rows = [establishment(f"1111111110{n:04d}") for n in range(1, 5)]
    sites, _ = sirene_files(rows, [])

    with pytest.raises(CommandError, match="dépasse 3 lignes : découpez-le"):
        call_command("import_sirene", etablissements=sites)
    assert not Establishment.objects.exists()


def test_the_csv_field_limit_is_refused_in_french(territory, tmp_path, settings):
    settings.READING_MAX_LINE_BYTES = 1000
    path = tmp_path / "annuaire.csv"
    path.write_text('nom;code_postal;commune\n"La Recyclerie' + "\nx" * 600 + '";35600;Redon\n')

    with pytest.raises(CommandError) as refusal:
        call_command("import_spreadsheet", str(path))

    assert "a une valeur de plus de 1\u202f000 octets vers la ligne 2" in str(refusal.value)
    assert "field" not in str(refusal.value)


def test_deeply_nested_json_is_refused_in_french_from_the_command(territory, tmp_path):
    path = tmp_path / "carte.json"
    path.write_text(DEEP)

    with pytest.raises(CommandError) as refusal:
        call_command("import_gogocarto", str(path))

    assert "imbrique des objets ou des listes sur plus de 64 niveaux" in str(refusal.value)
    assert ImportRun.objects.get().status == ImportStatus.REFUSED


def test_deeply_nested_json_is_refused_in_french_on_the_upload_page(client_for, staff, territory):
    client = client_for(staff)
    upload = SimpleUploadedFile("carte.json", DEEP.encode(), content_type="application/json")
    client.post(
        reverse("directory:imports"), with_token({"kind": ImportKind.GOGOCARTO, "file": upload})
    )

    run = ImportRun.objects.get()
    page = client.get(reverse("directory:import_run", args=[run.pk])).content.decode()
    assert run.status == ImportStatus.REFUSED
    assert "plus de 64 niveaux" in page
    assert "recursion" not in page
