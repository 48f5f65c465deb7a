"""Background work of the activities: the daily reminders and the satisfaction surveys."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django_tasks import task

from maillage.activities import notifications, retention
from maillage.activities.enums import ActivityKind, ActivityStatus
from maillage.activities.models import Activity, Registration


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    paris = timezone.get_default_timezone()
    start = datetime.combine(day, time.min, tzinfo=paris)
    return start, datetime.combine(day + timedelta(days=1), time.min, tzinfo=paris)


def _claim(registrations, field: str) -> list[Registration]:
    """Mark each registration as sent before sending: only one run ever claims a row."""
    claimed = []
    for registration in registrations:
        if Registration.objects.filter(pk=registration.pk, **{f"{field}__isnull": True}).update(
            **{field: timezone.now()}
        ):
            claimed.append(registration)
    return claimed


@task()
def send_reminders(day: str) -> int:
    """Remind confirmed registrants of the activities starting on `day` (ISO date)."""
    start, end = _day_bounds(date.fromisoformat(day))
    due = Registration.objects.confirmed().filter(
        reminded_at__isnull=True,
        activity__status=ActivityStatus.PUBLISHED,
        activity__starts_at__gte=start,
        activity__starts_at__lt=end,
    )
    claimed = _claim(due.select_related("activity", "activity__commune"), "reminded_at")
    for registration in claimed:
        notifications.reminder(registration)
    return len(claimed)


@task()
def send_surveys(day: str) -> int:
    """Ask for feedback from the people at the trainings and workshops that ended on `day`."""
    start, end = _day_bounds(date.fromisoformat(day))
    activities = Activity.objects.filter(
        status=ActivityStatus.PUBLISHED,
        kind__in=[ActivityKind.TRAINING, ActivityKind.WORKSHOP],
        ends_at__gte=start,
        ends_at__lt=end,
    )
    return sum(send_survey_for(activity) for activity in activities)


def send_survey_for(activity) -> int:
    """Staff's button: the survey to attendees (everyone confirmed if no attendance was taken)."""
    registrations = activity.registrations.confirmed().filter(survey_sent_at__isnull=True)
    if activity.registrations.attended().exists():
        registrations = registrations.attended()
    claimed = _claim(registrations.select_related("activity"), "survey_sent_at")
    for registration in claimed:
        notifications.survey(registration)
    return len(claimed)


@task()
def purge_old_registrations() -> int:
    """Anonymise the registrations older than REGISTRATION_RETENTION_DAYS; how many."""
    return retention.purge_old_registrations()
