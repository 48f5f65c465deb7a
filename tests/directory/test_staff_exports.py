"""Staff's exports of the directory: a small selection downloads at once; a large one is written
by the task worker, its page follows the rows written and offers the file once ready."""

import csv
import io
import json
import os
import re
from datetime import timedelta

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from odfdo import Document

from maillage.core.form_tokens import new_token
from maillage.directory.enums import ExportFormat, ExportStatus
from maillage.directory.exports import queueing, writing
from maillage.directory.models import DirectoryExport
from maillage.directory.retention import purge_directory_records
from tests.directory.factories import EstablishmentFactory
from tests.workers import DATABASE_TASKS, run_db_worker

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_folder(settings, tmp_path):
    settings.DIRECTORY_EXPORTS_ROOT = tmp_path / "exports"


@pytest.fixture
def three_cooperatives():
    sites = [
        EstablishmentFactory(cooperative=True, located=True, sign=f"Coop {n}") for n in range(3)
    ]
    EstablishmentFactory(sign="Association à part")
    return sites


@pytest.fixture
def worker_sized(monkeypatch):
    """Two rows are already too many for a request."""
    monkeypatch.setattr(queueing, "IN_REQUEST_MAX_ROWS", 2)


def _post(client, file_format="csv", filters="famille=cooperative", token=None):
    return client.post(
        reverse("directory:staff_exports"),
        {"file_format": file_format, "filters": filters, "submission": token or new_token()},
    )


def _csv_rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def test_a_small_selection_downloads_at_once(client_for, staff, three_cooperatives):
    response = _post(client_for(staff))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="annuaire-ess.csv"'
    rows = _csv_rows(b"".join(response.streaming_content))
    assert sorted(row["Nom"] for row in rows) == ["Coop 0", "Coop 1", "Coop 2"]
    assert not DirectoryExport.objects.exists()


def test_a_large_selection_goes_to_the_worker_and_its_page_offers_the_file(
    client_for, staff, three_cooperatives, worker_sized, django_capture_on_commit_callbacks
):
    client = client_for(staff)
    with django_capture_on_commit_callbacks(execute=True):  # the task runs inline here
        response = _post(client)

    export = DirectoryExport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("directory:staff_export", args=[export.pk])
    assert (export.status, export.rows_done, export.rows_total) == (ExportStatus.DONE, 3, 3)
    assert (export.filters, export.requested_by) == ("famille=cooperative", staff)
    page = client.get(response["Location"]).content.decode()
    download = reverse("directory:staff_export_file", args=[export.pk])
    assert download in page
    assert "3 fiches écrites" in page
    file = client.get(download)
    assert file["Content-Disposition"].endswith(f'filename="annuaire-ess-export-{export.pk}.csv"')
    assert sorted(row["Nom"] for row in _csv_rows(b"".join(file.streaming_content))) == [
        "Coop 0",
        "Coop 1",
        "Coop 2",
    ]


def test_the_page_follows_the_rows_written(client_for, staff):
    export = DirectoryExport.objects.create(
        file_format=ExportFormat.CSV, status=ExportStatus.RUNNING, rows_total=5000, rows_done=2000
    )
    client = client_for(staff)

    page = client.get(reverse("directory:staff_export", args=[export.pk])).content.decode()

    assert 'hx-trigger="every 2s"' in page
    assert '<progress max="5000" value="2000"' in page
    assert "Fiches écrites\xa0: 2\xa0000 sur 5\xa0000." in page  # the page's French spaces
    assert client.get(reverse("directory:staff_export_file", args=[export.pk])).status_code == 404


def test_progress_is_saved_while_the_file_is_written(three_cooperatives, monkeypatch):
    """What the page reads at each line written: the count grows as the file does."""
    monkeypatch.setattr(writing, "PROGRESS_EVERY", 1)
    seen = []

    def watched(records):
        for line in writing.csv_export.lines(records):
            seen.append(DirectoryExport.objects.values_list("status", "rows_done").get())
            yield line

    monkeypatch.setitem(writing.WRITERS, ExportFormat.CSV, watched)
    export = DirectoryExport.objects.create(file_format=ExportFormat.CSV)

    writing.write_export(export.pk)

    # The header, then each line is written before its record is counted.
    assert seen == [(ExportStatus.RUNNING, n) for n in (0, 0, 1, 2, 3)]
    export.refresh_from_db()
    assert (export.status, export.rows_done) == (ExportStatus.DONE, 4)


def test_an_export_left_running_is_written_again_and_a_finished_one_left_alone(
    three_cooperatives,
):
    """A task run again after its worker died finds its export still « en préparation »."""
    left = DirectoryExport.objects.create(
        file_format=ExportFormat.CSV, status=ExportStatus.RUNNING, rows_done=7
    )
    done = DirectoryExport.objects.create(file_format=ExportFormat.CSV, status=ExportStatus.DONE)

    writing.write_export(left.pk)
    writing.write_export(done.pk)

    left.refresh_from_db()
    assert (left.status, left.rows_done) == (ExportStatus.DONE, 4)
    with left.file.open("rb") as file:
        assert len(_csv_rows(file.read())) == 4
    done.refresh_from_db()
    assert (done.rows_done, done.file.name) == (0, "")


def test_sent_twice_the_form_queues_one_export(client_for, staff, three_cooperatives, worker_sized):
    client, token = client_for(staff), new_token()

    first, second = _post(client, token=token), _post(client, token=token)

    assert DirectoryExport.objects.count() == 1
    assert first["Location"] == second["Location"]


@pytest.mark.parametrize("file_format", ["geojson", "data-inclusion.json"])
def test_every_format_is_written_by_the_worker(
    client_for,
    staff,
    three_cooperatives,
    worker_sized,
    file_format,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        _post(client_for(staff), file_format=file_format)

    export = DirectoryExport.objects.get()
    with export.file.open("rb") as file:
        data = json.load(file)
    items = data["features"] if file_format == "geojson" else data
    assert len(items) == export.rows_done == 3


def test_exports_are_for_staff_only(client_for, member, three_cooperatives):
    export = DirectoryExport.objects.create(file_format=ExportFormat.CSV, status=ExportStatus.DONE)
    routes = [
        reverse("directory:staff_exports"),
        reverse("directory:staff_export", args=[export.pk]),
        reverse("directory:staff_export_file", args=[export.pk]),
    ]
    for user in (None, member):
        client = client_for(user)
        for route in routes:
            assert client.get(route).status_code in (302, 403), (user, route)
        assert _post(client).status_code in (302, 403)
    assert not DirectoryExport.objects.exclude(pk=export.pk).exists()


def test_the_list_offers_staff_to_export_its_selection(client_for, staff, three_cooperatives):
    link = reverse("directory:staff_exports") + "?famille=cooperative"
    list_url = reverse("directory:list") + "?famille=cooperative"

    assert link in client_for(staff).get(list_url).content.decode()
    assert "Exporter cette sélection" not in Client().get(list_url).content.decode()
    page = client_for(staff).get(link).content.decode()
    assert "3 fiches publiées" in re.sub(r"\s+", " ", page)


def test_a_bad_filter_is_refused(client_for, staff):
    response = client_for(staff).get(reverse("directory:staff_exports") + "?famille=inconnue")

    assert response.status_code == 400
    assert not DirectoryExport.objects.exists()


def test_exports_go_after_a_week_with_their_file(three_cooperatives, settings):
    export = DirectoryExport.objects.create(file_format=ExportFormat.CSV)
    writing.write_export(export.pk)
    export.refresh_from_db()
    path = export.file.path
    DirectoryExport.objects.update(requested_at=timezone.now() - timedelta(days=8))

    assert purge_directory_records().exports_deleted == 1
    assert not DirectoryExport.objects.exists()
    assert not os.path.exists(path)


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_the_task_worker_writes_the_export_into_the_private_folder(
    client_for, staff, three_cooperatives, worker_sized, settings
):
    response = _post(client_for(staff))
    export = DirectoryExport.objects.get()
    assert response.status_code == 302
    assert export.status == ExportStatus.QUEUED

    worker = run_db_worker(DIRECTORY_EXPORTS_ROOT=str(settings.DIRECTORY_EXPORTS_ROOT))

    assert worker.returncode == 0, worker.stderr
    export.refresh_from_db()
    assert (export.status, export.rows_done) == (ExportStatus.DONE, 3)
    written = [p.name for p in settings.DIRECTORY_EXPORTS_ROOT.rglob("*") if p.is_file()]
    assert written == [f"annuaire-ess-export-{export.pk}.csv"]
    file = client_for(staff).get(reverse("directory:staff_export_file", args=[export.pk]))
    assert len(_csv_rows(b"".join(file.streaming_content))) == 3


def _ods_names(content: bytes, tmp_path) -> list[str]:
    path = tmp_path / "selection.ods"
    path.write_bytes(content)
    header, *rows = Document(path).body.get_table(0).get_values()
    return sorted(dict(zip(header, row, strict=True))["Nom"] for row in rows)


def test_a_small_selection_downloads_as_an_ods_spreadsheet(
    client_for, staff, three_cooperatives, tmp_path
):
    response = _post(client_for(staff), file_format="ods")

    assert response["Content-Disposition"] == 'attachment; filename="annuaire-ess.ods"'
    content = b"".join(response.streaming_content)
    assert _ods_names(content, tmp_path) == ["Coop 0", "Coop 1", "Coop 2"]


def test_a_large_selection_is_written_as_ods_by_the_worker(
    client_for,
    staff,
    three_cooperatives,
    worker_sized,
    tmp_path,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        _post(client_for(staff), file_format="ods")

    export = DirectoryExport.objects.get()
    with export.file.open("rb") as file:
        assert _ods_names(file.read(), tmp_path) == ["Coop 0", "Coop 1", "Coop 2"]
    assert export.download_name().endswith(".ods")
