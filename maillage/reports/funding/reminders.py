"""Reminding staff of the reports a grant agreement asks for, once per report.

The reminder row is unique per report (`ReportReminder.report`) and written in the same
transaction as the queued e-mail: however many times the job runs, or however many workers run
it at once, a report is reminded exactly once. The task carries the reminder's id only."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction

from maillage.core.form_tokens import first_write
from maillage.reports.funding.models import ReportDue, ReportReminder

# How long before its date staff are told of a report due.
NOTICE = timedelta(days=30)


def reports_to_remind(today: date) -> list[ReportDue]:
    """Reports not sent, due within the notice (or already late), never reminded."""
    return list(
        ReportDue.objects.filter(
            sent_on__isnull=True, due_on__lte=today + NOTICE, reminder__isnull=True
        ).order_by("due_on", "pk")
    )


def queue_reminders(today: date) -> int:
    """Queue one e-mail to staff per report to remind; how many were queued by this call."""
    from maillage.reports.funding.tasks import send_report_reminder

    queued = 0
    for report in reports_to_remind(today):

        def remind(report: ReportDue = report) -> ReportReminder:
            reminder = ReportReminder.objects.create(report=report)
            send_report_reminder.enqueue(reminder.pk)
            return reminder

        with transaction.atomic():
            if first_write(remind) is not None:
                queued += 1
    return queued
