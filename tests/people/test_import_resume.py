"""An import the worker stopped in the middle (killed, restarted) can be resumed by staff: once,
after its last committed row, with a report counting every row once."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from maillage.network.people.enums import ImportStatus
from maillage.network.people.importing import running
from maillage.network.people.importing.queueing import resume_import
from maillage.network.people.importing.running import ImportAlreadyRun, Runner
from maillage.network.people.models import ContactImport, Person
from maillage.network.people.tasks import import_contacts
from tests.people.sheets import sheet, upload
from tests.typeset import french
from tests.workers import DATABASE_TASKS

pytestmark = pytest.mark.django_db

LINES = (
    "Durand;Léa;lea@exemple.org;;;;;",  # line 2
    "Morel;Inès;ines@exemple.org;;;;;",
    ";;faux;;;;;",
    "Petit;Jules;jules@exemple.org;;;;;",
    "Roux;Anna;anna@exemple.org;;;;;",  # line 6: the worker is stopped here
    "Blanc;Paul;paul@exemple.org;;;;;",
    "Durand;Léa;lea@exemple.org;;;;;",  # line 8: the same person as line 2
)
RESUME = {"action": "reprendre"}


class WorkerStopped(BaseException):
    """What a killed worker leaves: no handler of the import runs."""


def _halt_at_line_6(monkeypatch, error: type[BaseException]):
    """Batches of two rows, and `error` raised at line 6 (after two committed batches); returns
    the real `run_row`, to put back."""
    monkeypatch.setattr(running, "PROGRESS_EVERY", 2)
    run_row = Runner.run_row

    def halt_at_line_6(self, line, row):
        if line == 6:
            raise error
        run_row(self, line, row)

    monkeypatch.setattr(Runner, "run_row", halt_at_line_6)
    return run_row


@pytest.fixture
def stopped_import(staff_client, run, monkeypatch):
    """An import whose worker stopped at line 6, the rows of lines 2 to 5 committed by two
    batches of two, then twelve minutes without progress."""
    run_row = _halt_at_line_6(monkeypatch, WorkerStopped)
    contact_import = upload(staff_client, sheet(*LINES))
    run(staff_client, contact_import)
    monkeypatch.setattr(Runner, "run_row", run_row)
    ContactImport.objects.filter(pk=contact_import.pk).update(
        progressed_at=timezone.now() - timedelta(minutes=12)
    )
    contact_import.refresh_from_db()
    return contact_import


def _page(client, contact_import) -> str:
    return client.get(f"/contacts/import/{contact_import.pk}/").content.decode()


def test_an_import_with_no_progress_for_ten_minutes_offers_to_resume(staff_client, stopped_import):
    assert (stopped_import.status, stopped_import.rows_done) == (ImportStatus.RUNNING, 4)
    page = _page(staff_client, stopped_import)

    assert "Interrompu" in page
    assert "Reprendre l’import" in page
    assert "hx-trigger" not in page  # no polling of an import that no longer moves
    assert french("Lignes traitées : 4 sur 7.") in page


def test_the_list_of_recent_imports_shows_an_interrupted_one_as_such(staff_client, stopped_import):
    listing = staff_client.get("/contacts/import/").content.decode()

    assert "interrompu, à reprendre" in listing
    ContactImport.objects.filter(pk=stopped_import.pk).update(progressed_at=timezone.now())
    assert "en cours" in staff_client.get("/contacts/import/").content.decode()


def test_a_running_import_that_moves_offers_no_resume(staff_client, stopped_import):
    ContactImport.objects.filter(pk=stopped_import.pk).update(progressed_at=timezone.now())
    page = _page(staff_client, stopped_import)

    assert "Reprendre l’import" not in page
    assert "En cours" in page
    assert 'hx-trigger="every 2s"' in page
    response = staff_client.post(f"/contacts/import/{stopped_import.pk}/", RESUME)
    stopped_import.refresh_from_db()
    assert response.status_code == 302
    assert (stopped_import.status, stopped_import.rows_done) == (ImportStatus.RUNNING, 4)


def test_resuming_imports_the_remaining_rows_and_reports_each_row_once(
    staff_client, stopped_import, django_capture_on_commit_callbacks
):
    assert Person.objects.count() == 3  # lines 2, 3 and 5; line 4 rejected

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(f"/contacts/import/{stopped_import.pk}/", RESUME)

    assert response.status_code == 302
    stopped_import.refresh_from_db()
    assert (stopped_import.status, stopped_import.rows_done) == (ImportStatus.DONE, 7)
    report = running.load_report(stopped_import)
    assert (report.read, report.created, report.unchanged, len(report.rejected)) == (7, 5, 1, 1)
    assert [d["reason"] for d in report.duplicates] == ["même adresse e-mail qu’à la ligne 2"]
    assert Person.objects.count() == 5
    page = _page(staff_client, stopped_import)
    assert "Compte rendu d’import" in page


def test_two_resumes_sent_together_queue_one_task(
    settings, stopped_import, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS
    DBTaskResult.objects.all().delete()
    # Both staff members loaded the import while it showed the button.
    twin = ContactImport.objects.get(pk=stopped_import.pk)

    with django_capture_on_commit_callbacks(execute=True):
        resume_import(stopped_import)
        with pytest.raises(ImportAlreadyRun):
            resume_import(twin)

    stopped_import.refresh_from_db()
    assert stopped_import.status == ImportStatus.QUEUED
    assert DBTaskResult.objects.count() == 1
    assert stopped_import.task_id == str(DBTaskResult.objects.get().id)


def test_a_stopped_worker_that_wakes_up_after_the_resume_imports_nothing_more(
    stopped_import, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        resume_import(stopped_import)
    done = running.load_report(ContactImport.objects.get(pk=stopped_import.pk))

    # The old task delivered again: the import is no longer waiting for a worker.
    assert running.run_queued_import(stopped_import.pk) is None
    assert Person.objects.count() == 5
    assert running.load_report(ContactImport.objects.get(pk=stopped_import.pk)) == done


class Unexpected(Exception):
    """A bug met on one row: the worker itself keeps running."""


def test_an_import_stopped_by_an_unexpected_error_resumes_from_the_row_it_stopped_at(
    staff_client, run, monkeypatch, django_capture_on_commit_callbacks
):
    run_row = _halt_at_line_6(monkeypatch, Unexpected)
    contact_import = upload(staff_client, sheet(*LINES))
    run(staff_client, contact_import)  # the task fails; the worker records it and goes on
    contact_import.refresh_from_db()
    assert (contact_import.status, contact_import.rows_done) == (ImportStatus.FAILED, 4)
    page = _page(staff_client, contact_import)
    assert "à la ligne 6 du fichier" in page
    assert "Reprendre l’import" in page
    assert "interrompu, à reprendre" in staff_client.get("/contacts/import/").content.decode()

    monkeypatch.setattr(Runner, "run_row", run_row)  # the bug is fixed
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(f"/contacts/import/{contact_import.pk}/", RESUME)

    contact_import.refresh_from_db()
    assert (contact_import.status, contact_import.rows_done) == (ImportStatus.DONE, 7)
    assert contact_import.message == ""
    report = running.load_report(contact_import)
    assert (report.read, report.created, report.unchanged, len(report.rejected)) == (7, 5, 1, 1)
    assert Person.objects.count() == 5  # nobody imported twice


def test_a_finished_import_cannot_be_resumed(staff_client, run):
    contact_import = upload(staff_client, sheet(*LINES))
    run(staff_client, contact_import)

    with pytest.raises(ImportAlreadyRun):
        resume_import(ContactImport.objects.get(pk=contact_import.pk))
    assert ContactImport.objects.get(pk=contact_import.pk).status == ImportStatus.DONE


def test_resuming_reaps_the_task_the_stopped_worker_left_running(
    settings, stopped_import, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS
    DBTaskResult.objects.all().delete()
    stale = import_contacts.enqueue(stopped_import.pk)
    DBTaskResult.objects.get(id=stale.id).claim("worker-killed")  # what the worker did
    ContactImport.objects.filter(pk=stopped_import.pk).update(task_id=stale.id)
    stopped_import.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        resume_import(stopped_import)

    reaped = DBTaskResult.objects.get(id=stale.id)
    assert (reaped.status, reaped.exception_class_path) == (
        "FAILED",
        "maillage.core.stale_tasks.WorkerGone",
    )
    assert DBTaskResult.objects.filter(status="READY").count() == 1  # the resumed one
