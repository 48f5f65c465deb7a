"""Staff are reminded of each report a grant asks for, once, by e-mail, through the worker."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from maillage.core.scheduling import enqueue_due
from maillage.reports.funding.reminders import queue_reminders
from tests.factories import UserFactory
from tests.reports.funding.factories import FunderFactory, GrantFactory, ReportDueFactory
from tests.workers import DATABASE_TASKS

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def team():
    return [
        UserFactory(staff=True, email="camille@pole.example"),
        UserFactory(staff=True, email="dominique@pole.example"),
        UserFactory(email="adherent@exemple.org"),
    ]


def test_a_report_due_within_the_month_is_reminded_once_to_each_staff_member(team):
    grant = GrantFactory(funder=FunderFactory(name="Région Bretagne"), purpose="Mois de l’ESS")
    ReportDueFactory(grant=grant, title="Compte rendu financier", due_on=date(2027, 6, 30))

    # The scheduler runs on two days of the notice; the job itself runs twice on the second.
    enqueue_due(datetime(2027, 6, 5, 9, tzinfo=PARIS))
    enqueue_due(datetime(2027, 6, 6, 9, tzinfo=PARIS))
    queue_reminders(date(2027, 6, 6))

    assert sorted(message.to[0] for message in mail.outbox) == [
        "camille@pole.example",
        "dominique@pole.example",
    ]
    message = mail.outbox[0]
    assert message.subject == "Compte rendu à remettre : Compte rendu financier (Région Bretagne)"
    assert "« Mois de l’ESS » (Région Bretagne)" in message.body
    assert "à remettre le 30 juin 2027" in message.body


def test_no_reminder_before_the_notice_nor_for_a_report_already_sent(team):
    ReportDueFactory(due_on=date(2027, 9, 30))
    ReportDueFactory(due_on=date(2027, 6, 30), sent_on=date(2027, 6, 1))

    assert queue_reminders(date(2027, 6, 6)) == 0
    assert mail.outbox == []


def test_a_late_report_never_reminded_is_reminded(team):
    ReportDueFactory(due_on=date(2027, 5, 31))

    assert queue_reminders(date(2027, 6, 6)) == 1


@override_settings(TASKS=DATABASE_TASKS)
def test_the_queued_task_carries_the_reminder_s_id_only(team):
    report = ReportDueFactory(due_on=date(2027, 6, 30))

    queue_reminders(date(2027, 6, 6))

    task = DBTaskResult.objects.get(task_path__endswith="send_report_reminder")
    assert task.args_kwargs == {"args": [report.reminder.pk], "kwargs": {}}
