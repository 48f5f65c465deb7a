"""E-mails leave through the task worker: the request only queues them."""

from pathlib import Path

import pytest
from django.core import mail
from django.core.mail import EmailMessage, send_mail
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from tests.workers import DATABASE_TASKS, run_db_worker


def test_a_message_with_an_attachment_is_delivered_intact_through_the_task():
    message = EmailMessage(
        "Invitation à l’atelier",
        "Bonjour, vous êtes inscrite.",
        "contact@exemple.org",
        ["claire@exemple.org"],
    )
    message.attach("atelier.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    message.send()

    assert len(mail.outbox) == 1
    delivered = mail.outbox[0]
    assert delivered.subject == "Invitation à l’atelier"
    assert delivered.to == ["claire@exemple.org"]
    assert delivered.attachments[0][0] == "atelier.ics"
    assert "BEGIN:VCALENDAR" in delivered.attachments[0][1]


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_TASKS)
def test_sending_only_queues_the_message_until_a_worker_runs():
    send_mail("Sujet", "Corps", "contact@exemple.org", ["claire@exemple.org"])

    assert mail.outbox == []
    assert DBTaskResult.objects.count() == 1


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_the_real_worker_process_delivers_queued_messages(tmp_path: Path):
    send_mail("Rappel : atelier demain", "À demain !", "contact@exemple.org", ["a@exemple.org"])
    worker = run_db_worker(
        EMAIL_DELIVERY_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(tmp_path),
    )

    assert worker.returncode == 0, worker.stderr
    delivered = "".join(path.read_text() for path in tmp_path.iterdir())
    assert "Rappel" in delivered
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
