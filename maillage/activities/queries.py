"""What other apps read of the activities."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from maillage.activities.enums import ActivityStatus, RegistrationStatus
from maillage.activities.models import Activity


def upcoming_in_commune(commune, limit: int = 5) -> list[Activity]:
    """The next public activities held in `commune` (for the observatory's commune page)."""
    return list(
        Activity.objects.public().upcoming().in_commune(commune).select_related("commune")[:limit]
    )


def coming_for_staff(days: int = 14, now: datetime | None = None) -> QuerySet[Activity]:
    """Activities (drafts included, cancelled ones left out) starting within `days`, each with
    its confirmed and waitlisted registration counts, soonest first: the staff's fortnight."""
    now = now or timezone.now()
    return (
        Activity.objects.exclude(status=ActivityStatus.CANCELLED)
        .filter(starts_at__gte=now, starts_at__lt=now + timedelta(days=days))
        .annotate(
            confirmed_total=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)
            ),
            waitlisted_total=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.WAITLISTED)
            ),
        )
        .order_by("starts_at", "pk")
    )
