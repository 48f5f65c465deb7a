"""E-mails leave through the task worker, and the task table holds ids only: the worker writes
the address, the body and any personal link when it runs, and keeps none of them afterwards."""

import importlib
import inspect
import json
import pkgutil
import re
import smtplib
from pathlib import Path

import pytest
from django.core import mail
from django.core.mail import send_mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import override_settings
from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult

import maillage
from maillage.accounts.password_reset import send_password_reset
from maillage.activities import notifications
from maillage.activities.announcements import announce_change
from maillage.activities.registration import register
from maillage.directory.stewardship.claims import approve_claim, submit_claim
from maillage.mail import is_email_task
from maillage.support.services import summary
from tests.activities.factories import ActivityFactory
from tests.directory.factories import EstablishmentFactory
from tests.factories import UserFactory
from tests.workers import DATABASE_TASKS, run_db_worker

NAME = "Clémence Jaouen"
EMAIL = "clemence.jaouen@exemple.org"


def every_task() -> list[Task]:
    found = {}
    for module in pkgutil.walk_packages(maillage.__path__, "maillage."):
        if ".migrations" in module.name or module.name.endswith(".settings.prod"):
            continue
        for value in vars(importlib.import_module(module.name)).values():
            if isinstance(value, Task):
                found[value.module_path] = value
    return list(found.values())


def email_tasks() -> list[Task]:
    return [task for task in every_task() if is_email_task(task.module_path)]


def test_every_email_task_is_given_ids_only():
    tasks = email_tasks()
    assert len(tasks) >= 15
    for task in tasks:
        for name, parameter in inspect.signature(task.func.builder).parameters.items():
            assert parameter.annotation in ("int", "list[int]"), f"{task.module_path}({name})"


def test_every_task_is_given_ids_or_a_day_only():
    for task in every_task():
        function = getattr(task.func, "builder", task.func)
        for name, parameter in inspect.signature(function).parameters.items():
            allowed = ("str",) if name == "day" else ("int", "list[int]")  # an ISO date
            assert parameter.annotation in allowed, f"{task.module_path}({name})"


def test_djangos_mail_api_is_refused_so_no_finished_message_is_queued():
    with pytest.raises(RuntimeError, match="@email_task"):
        send_mail("Sujet", "Corps", "contact@exemple.org", [EMAIL])
    assert mail.outbox == []


def _send_every_kind_to_one_person(client) -> None:
    user = UserFactory(email=EMAIL, full_name=NAME)
    activity = ActivityFactory(title="Atelier compostage")
    registration = register(activity, name=NAME, email=EMAIL, consent=True)
    notifications.reminder(registration)
    notifications.survey(registration)
    notifications.personal_link(registration)
    announce_change(activity, note="La salle change.")
    client.post("/compte/mot-de-passe/reinitialisation/", {"email": EMAIL})
    summary.send(EMAIL, "commune=35236")
    claim = submit_claim(user, EstablishmentFactory(), role="Présidente")
    approve_claim(claim, by=UserFactory(staff=True))


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_the_task_table_holds_no_address_name_or_link_once_the_mails_are_sent(
    client, tmp_path: Path
):
    _send_every_kind_to_one_person(client)
    queued = DBTaskResult.objects.count()
    worker = run_db_worker(
        EMAIL_DELIVERY_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(tmp_path),
    )

    assert worker.returncode == 0, worker.stderr
    delivered = "".join(path.read_text() for path in tmp_path.iterdir())
    links = re.findall(r"https?://\S+/(?:inscription|reinitialisation)/\S+", delivered)
    assert delivered.count(f"To: {EMAIL}") == queued
    assert len(links) >= 2
    rows = list(DBTaskResult.objects.values())
    assert {row["status"] for row in rows} == {"SUCCESSFUL"}
    table = json.dumps(rows, default=str, ensure_ascii=False).lower()
    for secret in (EMAIL, NAME, "jaouen", *links):
        assert secret.lower() not in table


class RefusingServer(BaseEmailBackend):
    """A mail server refusing the recipient, with the address in its error, as SMTP does."""

    def send_messages(self, email_messages):
        recipients = {address: (550, b"unknown") for m in email_messages for address in m.to}
        raise smtplib.SMTPRecipientsRefused(recipients)


@pytest.mark.django_db
@override_settings(EMAIL_DELIVERY_BACKEND="tests.test_mail.RefusingServer")
def test_a_refused_delivery_fails_without_the_address_in_the_task_result():
    user = UserFactory(email=EMAIL, full_name=NAME)

    result = send_password_reset.enqueue(user.pk)

    assert result.status == "FAILED"
    (error,) = result.errors
    assert error.exception_class_path == "maillage.mail.DeliveryFailed"
    assert "SMTPRecipientsRefused" in error.traceback
    assert EMAIL not in error.traceback


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_an_email_task_run_again_sends_the_same_message_id(tmp_path):
    """A task run again after its worker died (core/worker_leases.py) may send again what the
    dead worker had sent: the recipient's mail software sees the same Message-ID, one message."""
    user = UserFactory(email=EMAIL)
    result = send_password_reset.enqueue(user.pk)
    files = {"EMAIL_DELIVERY_BACKEND": "django.core.mail.backends.filebased.EmailBackend"}
    assert run_db_worker(**files, EMAIL_FILE_PATH=str(tmp_path)).returncode == 0
    DBTaskResult.objects.filter(id=result.id).update(status="READY", started_at=None)
    assert run_db_worker(**files, EMAIL_FILE_PATH=str(tmp_path)).returncode == 0

    sent = "".join(path.read_text() for path in tmp_path.iterdir())
    message_ids = re.findall(r"^Message-ID: (.+)$", sent, flags=re.MULTILINE)
    assert len(message_ids) == 2
    assert message_ids[0] == message_ids[1]
    assert message_ids[0].startswith(f"<{result.id}.0@")
