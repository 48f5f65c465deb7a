import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from maillage.core.csv_safety import escape_cell
from maillage.core.form_tokens import ALREADY_SAVED
from maillage.directory.enums import ImportKind, ImportStatus
from maillage.directory.models import Establishment, ImportRejection, ImportRun
from tests.tokens import with_token
from tests.typeset import french


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def upload(content: str, name="annuaire.csv"):
    return SimpleUploadedFile(name, content.encode("utf-8"), content_type="text/csv")


SHEET = (
    'nom;code_postal;commune;siret\nLa Recyclerie;35600;Redon;\n=HYPERLINK("x");35600;Atlantide;\n'
)


def test_an_uploaded_sheet_is_imported_by_the_task_into_its_run(client_for, staff, territory):
    response = client_for(staff).post(
        reverse("directory:imports"),
        with_token({"kind": ImportKind.SPREADSHEET, "file": upload(SHEET)}),
    )

    run = ImportRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("directory:import_run", args=[run.pk])
    assert run.status == ImportStatus.SUCCEEDED, run.message
    assert (run.rows_read, run.rows_created, run.rows_rejected) == (2, 1, 1)
    assert run.requested_by == staff
    assert Establishment.objects.filter(legal_unit__name="La Recyclerie").exists()


def test_the_same_upload_sent_twice_is_one_run(client_for, staff, territory):
    client = client_for(staff)
    data = with_token({"kind": ImportKind.SPREADSHEET, "file": upload(SHEET)})
    first = client.post(reverse("directory:imports"), data)
    data["file"].seek(0)

    second = client.post(reverse("directory:imports"), data, follow=True)

    run = ImportRun.objects.get()
    assert first["Location"] == reverse("directory:import_run", args=[run.pk])
    assert french(ALREADY_SAVED) in second.content.decode()


def test_the_run_page_shows_the_report(client_for, staff, territory):
    client = client_for(staff)
    client.post(
        reverse("directory:imports"), with_token({"kind": "spreadsheet", "file": upload(SHEET)})
    )
    run = ImportRun.objects.get()

    content = client.get(reverse("directory:import_run", args=[run.pk])).content.decode()

    assert "commune inconnue" in content
    assert "INVALID_TEMPLATE_VARIABLE" not in content


def test_a_refused_upload_says_why_in_its_run(client_for, staff, territory):
    client_for(staff).post(
        reverse("directory:imports"),
        with_token({"kind": "gogocarto", "file": upload("pas du json", "x.json")}),
    )

    run = ImportRun.objects.get()
    assert run.status == ImportStatus.REFUSED
    assert "JSON" in run.message


def test_rejections_download_escapes_formulas(client_for, staff, territory):
    run = ImportRun.objects.create(kind=ImportKind.SPREADSHEET, file_name="x.csv")
    ImportRejection.objects.create(run=run, line=3, reason="commune inconnue", raw="=1+1;@SUM")

    response = client_for(staff).get(reverse("directory:import_rejections_csv", args=[run.pk]))

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1] == ["3", "rejetée", "commune inconnue", "'=1+1;@SUM"]


@pytest.mark.parametrize("value", ["=A1", "+1", "-1", "@x", "\tx", "\rx"])
def test_dangerous_cells_get_an_apostrophe(value):
    assert escape_cell(value) == f"'{value}"


def test_harmless_cells_are_kept():
    assert escape_cell("Redon") == "Redon"
    assert escape_cell(None) == ""


def test_a_partner_cannot_upload_or_read_imports(client_for, partner, territory):
    client = client_for(partner)
    assert client.get(reverse("directory:imports")).status_code == 403
    assert client.get(reverse("directory:spreadsheet_template")).status_code == 403


def test_the_template_is_downloadable_by_staff(client_for, staff):
    response = client_for(staff).get(reverse("directory:spreadsheet_template"))
    assert b"nom;siret;famille" in b"".join(response.streaming_content)


def test_the_list_polls_only_while_an_import_runs(client_for, staff):
    client = client_for(staff)
    run = ImportRun.objects.create(kind=ImportKind.RNA, file_name="w.csv")
    assert "hx-trigger" in client.get(reverse("directory:imports")).content.decode()
    run.status = ImportStatus.SUCCEEDED
    run.save()
    assert "hx-trigger" not in client.get(reverse("directory:imports")).content.decode()


def test_an_htmx_poll_gets_the_partial(client_for, staff):
    ImportRun.objects.create(kind=ImportKind.RNA, file_name="w.csv")
    response = client_for(staff).get(reverse("directory:imports"), headers={"HX-Request": "true"})
    assert b"<html" not in response.content
    assert b"w.csv" in response.content
