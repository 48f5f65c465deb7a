"""Background work of the funding records: the reminders of reports due, e-mailed to staff."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django_tasks import task

from maillage.accounts.enums import Role
from maillage.core.site import absolute_url
from maillage.hub import current_hub
from maillage.mail import email_task
from maillage.reports.funding.models import ReportReminder
from maillage.reports.funding.reminders import queue_reminders


def staff_addresses() -> list[str]:
    users = get_user_model().objects.filter(
        is_active=True, role__in=[Role.STAFF, Role.ADMINISTRATOR]
    )
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


@email_task
def send_report_reminder(reminder_id: int) -> list[EmailMessage] | None:
    """One message per staff member; None when the report was sent or deleted meanwhile."""
    reminder = (
        ReportReminder.objects.select_related("report__grant__funder")
        .filter(pk=reminder_id, report__sent_on__isnull=True)
        .first()
    )
    if reminder is None:
        return None
    report = reminder.report
    context = {
        "hub": current_hub().identity,
        "report": report,
        "grant": report.grant,
        "grant_url": absolute_url(report.grant.get_absolute_url()),
    }
    body = render_to_string("funding/email/report_reminder.txt", context)
    subject = f"Compte rendu à remettre : {report.title} ({report.grant.funder.name})"
    return [
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
        for address in staff_addresses()
    ]


@task()
def remind_reports_due(day: str) -> int:
    """The periodic job's entry: queue the reminders due on `day` (ISO date)."""
    return queue_reminders(date.fromisoformat(day))
