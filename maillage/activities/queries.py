"""What other apps read of the activities."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from maillage.activities.enums import ActivityStatus, RegistrationStatus
from maillage.activities.models import Activity
from maillage.activities.public import ActivityView, public_views
from maillage.core.dates import clock_time, french_date
from maillage.directory.models import LegalUnit
from maillage.directory.related import RelatedItem, RelatedSection


def upcoming_in_commune(commune, limit: int = 5) -> list[Activity]:
    """The next public activities held in `commune` (for the observatory's commune page)."""
    return list(
        Activity.objects.public().upcoming().in_commune(commune).select_related("commune")[:limit]
    )


def next_public(limit: int = 3) -> list[Activity]:
    """The next public activities, soonest first (for the home page)."""
    return list(Activity.objects.public().upcoming().select_related("commune")[:limit])


def upcoming_of_organisation(unit: LegalUnit, limit: int) -> RelatedSection:
    """The next public activities `unit` co-organises, for its directory page and map card."""
    activities = (
        Activity.objects.public()
        .upcoming()
        .filter(organisers=unit)
        .select_related("commune")
        .prefetch_related("organisers")[:limit]
    )
    items = [RelatedItem(view.title, view.path, _when(view)) for view in public_views(activities)]
    return RelatedSection("activites", "Prochaines activités", items)


def _when(view: ActivityView) -> str:
    """« mardi 12 mai 2026, 10 h · <its commune> », then « annulée » when it is."""
    parts = [f"{french_date(view.starts_at, 'l j F Y')}, {clock_time(view.starts_at)}"]
    if view.commune_name:
        parts.append(view.commune_name)
    elif view.takes_place_online:
        parts.append("en ligne")
    if view.is_cancelled:
        parts.append("annulée")
    return " · ".join(parts)


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
