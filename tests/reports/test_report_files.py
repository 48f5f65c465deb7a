"""The files of a frozen version: asked for by staff, written by the task worker, downloaded by
staff, and by anyone once the version is published; the same version gives the same files."""

import io
import re
import subprocess
from datetime import datetime, timedelta

import docx
import odfdo
import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from maillage.core.documents import Table, cell_text
from maillage.plan.links import link_actions
from maillage.reports.annual.document import build_document
from maillage.reports.annual.freezing import freeze, publish, report_of
from maillage.reports.report_files.enums import FileFormat, GenerationStatus
from maillage.reports.report_files.generation import request_files
from maillage.reports.report_files.models import ReportFiles
from maillage.reports.report_files.writing import write_files
from tests.activities.factories import ActivityFactory
from tests.workers import DATABASE_TASKS, run_db_worker


@pytest.fixture(autouse=True)
def _private_folder(settings, tmp_path):
    settings.REPORT_FILES_ROOT = tmp_path / "rapports"


@pytest.fixture
def version(plan):
    year = timezone.localdate().year
    start = datetime(year, 1, 5, 9, tzinfo=timezone.get_default_timezone())
    for day in range(3):
        starts = start + timedelta(days=day)
        activity = ActivityFactory(starts_at=starts, ends_at=starts + timedelta(hours=3))
        link_actions(activity, [plan.first])
    return freeze(report_of(year))


@pytest.fixture
def prepared(django_capture_on_commit_callbacks):
    """Ask for the files as staff do; the task (run inline here) is queued after the commit."""

    def prepare(version, client=None):
        with django_capture_on_commit_callbacks(execute=True):
            if client is None:
                return request_files(version)
            return client.post(_url("generate", version))

    return prepare


def _url(name, version, *more):
    return reverse(f"report_files:{name}", args=[version.report.year, version.number, *more])


def _rows(version) -> list[list[str]]:
    """Every row of every table of the version's document, as a person reads it."""
    tables = [b for b in build_document(version).tables() if isinstance(b, Table)]
    return [[_flat(cell_text(c)) for c in row] for table in tables for row in table.rows]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def _read(field) -> bytes:
    with field.open("rb") as opened:
        return opened.read()


def _downloaded(client, version, file_format) -> bytes:
    response = client.get(_url("download", version, file_format))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_staff_prepare_the_files_and_the_pdf_holds_the_frozen_figures(
    client_for, staff, version, tmp_path, prepared
):
    client = client_for(staff)
    prepared(version, client)

    response = client.get(_url("download", version, "pdf"))
    assert response["Content-Type"] == "application/pdf"
    name = f"rapport-activite-{version.report.year}-v1.pdf"
    assert name in response["Content-Disposition"]
    path = tmp_path / "rapport.pdf"
    path.write_bytes(b"".join(response.streaming_content))
    text = _flat(
        subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
        ).stdout
    )
    assert f"Rapport d’activité {version.report.year}" in text
    formations = next(row for row in _rows(version) if row[0] == "Formations")
    assert " ".join(formations[:2]) in text


def test_the_odt_and_docx_hold_the_same_figures(client_for, staff, version, prepared):
    client = client_for(staff)
    prepared(version, client)
    odt_text = _flat(
        odfdo.Document(io.BytesIO(_downloaded(client, version, "odt"))).get_formatted_text()
    )
    word = docx.Document(io.BytesIO(_downloaded(client, version, "docx")))
    word_rows = [[_flat(c.text) for c in row.cells] for t in word.tables for row in t.rows]

    for row in _rows(version)[:10]:
        assert row in word_rows
        assert " ".join(value for value in row if value) in odt_text


def test_the_same_version_always_gives_the_same_files(version, prepared):
    files = prepared(version)
    files.refresh_from_db()
    first = {f: _read(files.file_of(f)) for f in FileFormat}

    write_files(files.pk)  # written again, later

    files.refresh_from_db()
    assert {f: _read(files.file_of(f)) for f in FileFormat} == first


def test_asking_twice_writes_the_files_once(version, prepared):
    prepared(version)
    finished = ReportFiles.objects.get().finished_at
    again = prepared(version)

    assert ReportFiles.objects.get().pk == again.pk
    assert ReportFiles.objects.get().finished_at == finished


@pytest.mark.parametrize("who", [None, "member", "partner"])
def test_the_files_of_an_unpublished_version_reach_staff_only(
    client_for, request, who, version, prepared
):
    prepared(version)
    client = client_for(request.getfixturevalue(who) if who else None)

    assert client.get(_url("download", version, "pdf")).status_code == 404
    assert client.get(_url("panel", version)).status_code == 404
    assert client.post(_url("generate", version)).status_code in (302, 403, 404)


def test_a_published_versions_files_are_public(client_for, version, prepared):
    prepared(version)
    publish(version)
    client = client_for(None)

    page = client.get(version.get_absolute_url()).content.decode()
    assert _url("download", version, "annexes") in page
    assert _downloaded(client, version, "annexes")[:2] == b"PK"


def test_the_version_page_offers_staff_to_prepare_the_files(client_for, staff, version):
    page = client_for(staff).get(version.get_absolute_url()).content.decode()

    assert "Préparer les fichiers" in page
    assert _url("generate", version) in page


def test_the_page_follows_the_writing_step_by_step(client_for, staff, version):
    ReportFiles.objects.create(
        version=version, status=GenerationStatus.RUNNING, steps_done=2, queued_at=timezone.now()
    )

    panel = client_for(staff).get(_url("panel", version)).content.decode()

    assert 'hx-trigger="every 2s"' in panel
    assert '<progress max="5" value="2"' in panel
    assert "Étapes faites : 2 sur 5." in _flat(panel)
    assert client_for(staff).get(_url("download", version, "pdf")).status_code == 404


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_the_task_worker_writes_the_files_into_the_private_folder(version, settings):
    files = request_files(version)
    assert files.status == GenerationStatus.QUEUED

    worker = run_db_worker(REPORT_FILES_ROOT=str(settings.REPORT_FILES_ROOT))

    assert worker.returncode == 0, worker.stderr
    files.refresh_from_db()
    assert files.status == GenerationStatus.DONE
    assert files.steps_done == files.steps
    written = sorted(p.name for p in settings.REPORT_FILES_ROOT.rglob("*") if p.is_file())
    year = version.report.year
    assert written == sorted(
        [f"rapport-activite-{year}-v1.{ext}" for ext in ("docx", "odt", "pdf")]
        + [f"rapport-activite-{year}-v1-annexes.zip"]
    )
