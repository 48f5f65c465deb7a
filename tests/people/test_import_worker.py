"""The contacts import runs in the task worker: queued once, run once, followed by staff."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from maillage.network.people.enums import ImportStatus
from maillage.network.people.importing.queueing import queue_import
from maillage.network.people.importing.running import ImportAlreadyRun
from maillage.network.people.models import ContactImport, Person
from maillage.network.people.tasks import import_contacts
from tests.people.sheets import confirm_data, sheet, upload, workbook_bomb
from tests.tokens import with_token
from tests.typeset import french
from tests.workers import DATABASE_TASKS, run_db_worker

pytestmark = pytest.mark.django_db

LINES = ("Durand;Léa;lea@exemple.org;;;;;", "Morel;Inès;ines@exemple.org;;;;;", ";;faux;;;;;")


@pytest.fixture
def queued_tasks(settings):
    """From now on, tasks wait in the database for a worker, as in production."""

    def queue_from_now_on():
        settings.TASKS = DATABASE_TASKS

    return queue_from_now_on


def test_confirming_queues_one_task_and_a_replayed_confirm_queues_no_second(
    staff_client, queued_tasks, django_capture_on_commit_callbacks
):
    contact_import = upload(staff_client, sheet(*LINES))
    queued_tasks()
    url = f"/contacts/import/{contact_import.pk}/"

    with django_capture_on_commit_callbacks(execute=True):
        first = staff_client.post(url, confirm_data())
        replay = staff_client.post(url, confirm_data())

    assert first.status_code == 302
    assert replay.status_code == 200  # the progress page, nothing queued
    task = DBTaskResult.objects.get()
    contact_import.refresh_from_db()
    assert (contact_import.status, contact_import.task_id) == (ImportStatus.QUEUED, str(task.id))
    assert not Person.objects.exists()


def test_two_confirms_sent_together_queue_one_task(
    staff_client, queued_tasks, django_capture_on_commit_callbacks
):
    contact_import = upload(staff_client, sheet(*LINES))
    queued_tasks()
    # Both requests loaded the import while it was still waiting for its mapping.
    twin = ContactImport.objects.get(pk=contact_import.pk)
    mapping = list(confirm_data().values())

    with django_capture_on_commit_callbacks(execute=True):
        queue_import(contact_import, mapping)
        with pytest.raises(ImportAlreadyRun):
            queue_import(twin, mapping)

    assert DBTaskResult.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_page_follows_the_worker_then_shows_the_report_and_rejected_rows(
    staff_client, queued_tasks
):
    contact_import = upload(staff_client, sheet(*LINES))
    queued_tasks()
    url = f"/contacts/import/{contact_import.pk}/"
    staff_client.post(url, confirm_data())

    waiting = staff_client.get(url).content.decode()
    worker = run_db_worker()
    assert worker.returncode == 0, worker.stderr
    poll = staff_client.get(url, headers={"HX-Request": "true"})
    report = staff_client.get(url).content.decode()
    rejects = staff_client.get(f"{url}rejets.csv").content.decode()

    assert "En file d’attente" in waiting
    assert french("Lignes traitées : 0 sur 3.") in waiting
    assert 'hx-trigger="every 2s"' in waiting
    assert poll.headers["HX-Refresh"] == "true"  # the progress box loads the report
    assert "Compte rendu d’import" in report
    assert french("adresse e-mail invalide : « faux »") in report
    assert "4;adresse e-mail invalide : « faux »" in rejects
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert Person.objects.count() == 2
    contact_import.refresh_from_db()
    assert (contact_import.rows_done, contact_import.rows) == (3, "")


def test_a_task_delivered_twice_imports_once(staff_client, run):
    contact_import = upload(staff_client, sheet(*LINES))
    run(staff_client, contact_import)

    assert import_contacts.call(contact_import.pk) is None
    assert Person.objects.count() == 2


def test_an_import_stopped_by_an_unexpected_error_says_so_and_stops_polling(
    staff_client, django_capture_on_commit_callbacks
):
    contact_import = upload(staff_client, sheet(*LINES))

    # A mapping narrower than the sheet: only a bug could send one, the form never does.
    with django_capture_on_commit_callbacks(execute=True):
        queue_import(contact_import, ["last_name"])

    page = staff_client.get(f"/contacts/import/{contact_import.pk}/").content.decode()
    assert "Interrompu" in page
    assert "L’import s’est interrompu sur une erreur inattendue à la ligne 2 du fichier" in page
    assert "Reprendre l’import" in page
    assert "hx-trigger" not in page
    assert not Person.objects.exists()


def test_an_import_no_worker_takes_tells_staff_to_alert_the_administrator(
    staff_client, queued_tasks, django_capture_on_commit_callbacks
):
    contact_import = upload(staff_client, sheet(*LINES))
    queued_tasks()
    url = f"/contacts/import/{contact_import.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(url, confirm_data())
    fresh = staff_client.get(url).content.decode()

    ContactImport.objects.filter(pk=contact_import.pk).update(
        queued_at=timezone.now() - timedelta(minutes=11)
    )
    waiting = staff_client.get(url).content.decode()

    assert "semble arrêté" not in fresh
    assert "L’import attend depuis plus de 10 minutes sans avoir commencé" in waiting
    assert "Prévenez la personne qui l’administre" in waiting
    assert "Reprendre l’import" not in waiting  # the queued task still runs once a worker is up


@pytest.mark.django_db(transaction=True)
def test_a_workbook_bomb_is_refused_by_the_worker_and_never_read_by_the_web_process(
    staff_client, queued_tasks
):
    queued_tasks()
    bomb = SimpleUploadedFile("contacts.xlsx", workbook_bomb(300_000))

    response = staff_client.post("/contacts/import/", with_token({"sheet": bomb}))
    waiting = staff_client.get(response["Location"]).content.decode()
    worker = run_db_worker()
    refused = staff_client.get(response["Location"]).content.decode()

    assert len(bomb) < 1024 * 1024
    assert "Lecture du fichier" in waiting
    assert 'hx-trigger="every 2s"' in waiting
    assert worker.returncode == 0, worker.stderr
    assert french("« contacts.xlsx » a plus de 40 cellules à la ligne 1") in refused
    contact_import = ContactImport.objects.get()
    assert (contact_import.status, contact_import.sheet) == (ImportStatus.REFUSED, b"")
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
