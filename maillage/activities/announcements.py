"""Telling registrants that the hub changed or cancelled an activity."""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.db.models import F

from maillage.activities import notifications
from maillage.activities.enums import ActivityStatus
from maillage.activities.models import Activity, Announcement


def _tell_everyone(activity: Activity, note: str) -> int:
    announcement = Announcement.objects.create(activity=activity, note=note)
    registrations = list(activity.registrations.active().select_related("activity"))
    for registration in registrations:
        transaction.on_commit(partial(notifications.changed, registration, announcement))
    return len(registrations)


@transaction.atomic
def announce_change(activity: Activity, note: str = "") -> int:
    """Bump the invitation's SEQUENCE and e-mail every registrant; return how many."""
    Activity.objects.filter(pk=activity.pk).update(sequence=F("sequence") + 1)
    activity.refresh_from_db()
    return _tell_everyone(activity, note)


@transaction.atomic
def cancel_activity(activity: Activity, note: str = "") -> int:
    Activity.objects.filter(pk=activity.pk).update(
        status=ActivityStatus.CANCELLED, sequence=F("sequence") + 1
    )
    activity.refresh_from_db()
    return _tell_everyone(activity, note)
