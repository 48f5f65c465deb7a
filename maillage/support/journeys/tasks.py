"""Background work of the journeys: the e-mail reminding staff of next steps that fall due, and
the retention purge of closed cases."""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django_tasks import task

from maillage.support.journeys import notifications, retention
from maillage.support.journeys.models import NextStep


def _claim(step: NextStep) -> bool:
    """Mark the step reminded before sending: only one run ever claims it."""
    return bool(
        NextStep.objects.filter(pk=step.pk, reminded_at__isnull=True).update(
            reminded_at=timezone.now()
        )
    )


@task()
def send_next_step_reminders(day: str) -> int:
    """Remind each assignee of the pending next steps due on or before `day` (ISO date)."""
    due = (
        NextStep.objects.due_by(date.fromisoformat(day))
        .not_reminded()
        .filter(assigned_to__is_active=True, case__closed_on__isnull=True)
        .select_related("case", "assigned_to")
    )
    sent = 0
    for step in due:
        if _claim(step):
            notifications.next_step_due(step)
            sent += 1
    return sent


@task()
def purge_closed_cases() -> int:
    """Anonymise the cases closed longer ago than SUPPORT_CASE_RETENTION_DAYS; how many."""
    return retention.purge_closed_cases()
