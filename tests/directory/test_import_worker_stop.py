"""A real task worker killed in the middle of an import: its run is shown interrupted, its task
reaped, and staff resume it after its last committed batch, importing no row twice."""

import time
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from maillage.directory.enums import ImportKind, ImportStatus
from maillage.directory.models import ImportRun, LegalUnit
from tests.directory.conftest import rna_row
from tests.tokens import with_token
from tests.workers import DATABASE_TASKS, run_db_worker, start_db_worker

ROWS = 3000
FILES = "django.core.files.storage.FileSystemStorage"


@pytest.fixture
def worker_environment(settings, tmp_path):
    """Uploads in files that the worker's process reads; batches of 20 rows."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": FILES}}
    settings.TASKS = DATABASE_TASKS
    return {
        "DEFAULT_STORAGE_BACKEND": FILES,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "IMPORT_BATCH_ROWS": "20",
    }


def _kill_after_the_first_batch(run: ImportRun, environment) -> None:
    worker = start_db_worker(**environment)
    try:
        deadline = time.monotonic() + 180
        while not ImportRun.objects.get(pk=run.pk).resume_after_line:
            assert time.monotonic() < deadline, "the worker never committed a batch"
            assert worker.poll() is None, "the worker stopped by itself"
            time.sleep(0.05)
    finally:
        worker.kill()
        worker.wait()


@pytest.mark.django_db(transaction=True)
def test_a_killed_worker_leaves_an_interrupted_run_that_resumes_after_its_last_batch(
    client_for, staff, territory, rna_file, worker_environment
):
    path = rna_file([rna_row(f"W35{n:07d}") for n in range(1, ROWS + 1)])
    client = client_for(staff)
    upload = SimpleUploadedFile("waldec.csv", path.read_bytes(), content_type="text/csv")
    client.post(reverse("directory:imports"), with_token({"kind": ImportKind.RNA, "file": upload}))
    run = ImportRun.objects.get()
    url = reverse("directory:import_run", args=[run.pk])

    _kill_after_the_first_batch(run, worker_environment)

    run.refresh_from_db()
    assert run.status == ImportStatus.RUNNING
    assert 0 < run.resume_after_line < ROWS + 1, "killed after the end: the file is too small"
    assert LegalUnit.objects.count() == run.rows_created  # batches commit with their counts
    assert "Interrompu" not in client.get(url).content.decode()  # may still be a slow worker

    ImportRun.objects.filter(pk=run.pk).update(progressed_at=timezone.now() - timedelta(minutes=11))
    page = client.get(url).content.decode()

    assert "<strong>Interrompu</strong>" in page
    assert f"jusqu’à la ligne {run.resume_after_line} du fichier" in page
    assert "Reprendre l’import" in page
    assert DBTaskResult.objects.get().status == "FAILED"  # the stale task is reaped

    client.post(url, {"action": "reprendre"})
    worker = run_db_worker(**worker_environment)

    assert worker.returncode == 0, worker.stderr
    run.refresh_from_db()
    assert run.status == ImportStatus.SUCCEEDED, run.message
    assert (run.rows_read, run.rows_created, run.rows_rejected) == (ROWS, ROWS, 0)
    assert LegalUnit.objects.count() == ROWS
