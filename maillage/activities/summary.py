"""The staff's summary of a period: activities by kind and objective, people reached by public
category, hours of training delivered, and satisfaction per activity."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Avg, Count, Q, QuerySet
from django.utils import timezone

from maillage.activities.enums import ActivityKind, ActivityStatus
from maillage.activities.models import Activity, AudienceCount, SatisfactionAnswer
from maillage.plan.enums import PublicCategory
from maillage.plan.models import StrategicObjective

UNSPECIFIED = "Inscrits présents (public non précisé)"


@dataclass
class PeriodSummary:
    activities: int
    by_kind: list[tuple[str, int]]
    by_objective: list[tuple[StrategicObjective, int]]
    reached: list[tuple[str, int]]
    reached_total: int
    training_hours: float
    trainee_hours: float


def held_between(start: date, end: date) -> QuerySet[Activity]:
    """Activities held (not cancelled) between two days, both included."""
    paris = timezone.get_default_timezone()
    since = datetime.combine(start, time.min, tzinfo=paris)
    until = datetime.combine(end + timedelta(days=1), time.min, tzinfo=paris)
    return Activity.objects.filter(
        status=ActivityStatus.PUBLISHED, starts_at__gte=since, starts_at__lt=until
    )


def _reached(activities: QuerySet[Activity]) -> Counter:
    """Audience counts, plus attendees under their activity's public category when it has one."""
    reached: Counter = Counter()
    for audience in AudienceCount.objects.filter(activity__in=activities):
        reached[PublicCategory(audience.category).label] += audience.count
    attendees = activities.annotate(
        present=Count("registrations", filter=Q(registrations__attended=True))
    )
    for activity in attendees.filter(present__gt=0).prefetch_related("public_links__public"):
        categories = {link.public.category for link in activity.public_links.all()}
        label = PublicCategory(categories.pop()).label if len(categories) == 1 else UNSPECIFIED
        reached[label] += activity.present
    return reached


def summarise(start: date, end: date) -> PeriodSummary:
    activities = held_between(start, end)
    kinds = Counter(activities.values_list("kind", flat=True))
    by_kind = [(kind.label, kinds[kind.value]) for kind in ActivityKind if kinds[kind.value]]
    by_objective = [
        (objective, activities.serving_objective(objective.code).count())
        for objective in StrategicObjective.objects.active()
    ]
    reached = _reached(activities)
    trainings = activities.filter(kind=ActivityKind.TRAINING).annotate(
        present=Count("registrations", filter=Q(registrations__attended=True))
    )
    hours = sum(activity.duration_hours for activity in trainings)
    trainee_hours = sum(activity.duration_hours * activity.present for activity in trainings)
    return PeriodSummary(
        activities=activities.count(),
        by_kind=by_kind,
        by_objective=by_objective,
        reached=sorted(reached.items(), key=lambda item: -item[1]),
        reached_total=sum(reached.values()),
        training_hours=hours,
        trainee_hours=trainee_hours,
    )


def satisfaction_of(activity: Activity) -> dict:
    answers = SatisfactionAnswer.objects.filter(registration__activity=activity)
    figures = answers.aggregate(
        count=Count("pk"),
        rating=Avg("rating"),
        usefulness=Avg("usefulness"),
        recommend=Count("pk", filter=Q(would_recommend=True)),
    )
    figures["recommend_share"] = (
        100 * figures["recommend"] / figures["count"] if figures["count"] else None
    )
    figures["comments"] = [c for c in answers.values_list("comment", flat=True) if c]
    return figures
