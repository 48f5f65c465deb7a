"""What the working groups count for the activity report: groups at work and their meetings."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from maillage.activities.enums import ActivityStatus
from maillage.network.working_groups.enums import WorkingGroupStatus
from maillage.network.working_groups.models import Meeting, WorkingGroup
from maillage.plan.indicators import TOTAL, Figures, Indicator, Scope, Section
from maillage.plan.tallies import tally


def _meetings(scope: Scope) -> QuerySet[Meeting]:
    start, end = scope.period.moments
    return Meeting.objects.filter(
        activity__status=ActivityStatus.PUBLISHED,
        activity__starts_at__gte=start,
        activity__starts_at__lt=end,
    )


def groups(scope: Scope) -> Figures:
    """Groups that met during the period, or existed then and are still open."""
    open_then = Q(created_on__lt=scope.period.end) & ~Q(status=WorkingGroupStatus.CLOSED)
    at_work = WorkingGroup.objects.filter(Q(pk__in=_meetings(scope).values("group")) | open_then)
    return tally(at_work, {TOTAL: Count("pk")}, scope)


def meetings(scope: Scope) -> Figures:
    return tally(
        _meetings(scope), {TOTAL: Count("pk")}, scope, through="group", commune="activity__commune"
    )


INDICATORS = [
    Indicator(
        "working_groups",
        "Groupes de travail actifs",
        "groupes",
        Section.NETWORK,
        groups,
        source="Groupes de travail réunis pendant la période ou ouverts.",
        position=1,
    ),
    Indicator(
        "group_meetings",
        "Réunions des groupes de travail",
        "réunions",
        Section.NETWORK,
        meetings,
        source="Réunions publiées (hors annulées) des groupes, à leur date.",
        position=2,
    ),
]
