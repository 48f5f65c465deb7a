"""What the activities count for the activity report: activities, hours, registrations,
attendance, people reached by target public, audiences of interventions, trainings."""

from __future__ import annotations

from collections.abc import Mapping

from django.db.models import Aggregate, Count, DurationField, ExpressionWrapper, F, Q, QuerySet, Sum

from maillage.activities.enums import ActivityKind, ActivityStatus, RegistrationStatus
from maillage.activities.models import Activity, AudienceCount, Registration
from maillage.plan.enums import PublicCategory
from maillage.plan.indicators import TOTAL, Figures, Indicator, Scope, Section
from maillage.plan.models import TargetPublic
from maillage.plan.tallies import tally

SOURCE = "Agenda du pôle : activités publiées (hors annulées) dont le début tombe dans la période."
# A registration whose activity declared no target public: counted apart, never guessed.
NO_PUBLIC = "sans-public-declare"

DURATION = ExpressionWrapper(F("ends_at") - F("starts_at"), output_field=DurationField())


def held(scope: Scope) -> QuerySet[Activity]:
    """The activities held in the period: published, not cancelled nor drafts."""
    start, end = scope.period.moments
    return Activity.objects.filter(
        status=ActivityStatus.PUBLISHED, starts_at__gte=start, starts_at__lt=end
    )


def _registrations(scope: Scope) -> QuerySet[Registration]:
    return Registration.objects.filter(activity__in=held(scope))


def _by_activities(scope: Scope, values: Mapping[str, Aggregate]) -> Figures:
    return tally(held(scope), values, scope, commune="commune")


def _by_registrations(
    records: QuerySet[Registration], scope: Scope, values: Mapping[str, Aggregate]
) -> Figures:
    return tally(records, values, scope, through="activity", commune="activity__commune")


def activities(scope: Scope) -> Figures:
    return _by_activities(
        scope, {kind.value: Count("pk", filter=Q(kind=kind)) for kind in ActivityKind}
    )


def activity_hours(scope: Scope) -> Figures:
    return _by_activities(scope, {TOTAL: Sum(DURATION)})


def trainings(scope: Scope) -> Figures:
    return _by_activities(scope, {TOTAL: Count("pk", filter=Q(kind=ActivityKind.TRAINING))})


def training_hours(scope: Scope) -> Figures:
    return _by_activities(scope, {TOTAL: Sum(DURATION, filter=Q(kind=ActivityKind.TRAINING))})


def volunteer_hours(scope: Scope) -> Figures:
    return _by_activities(scope, {TOTAL: Sum("volunteer_hours")})


def registrations(scope: Scope) -> Figures:
    confirmed = _registrations(scope).filter(status=RegistrationStatus.CONFIRMED)
    return _by_registrations(confirmed, scope, {TOTAL: Count("pk")})


def attendance(scope: Scope) -> Figures:
    present = _registrations(scope).filter(attended=True)
    return _by_registrations(present, scope, {TOTAL: Count("pk")})


def _publics() -> dict[str, str]:
    return dict(TargetPublic.objects.order_by("name").values_list("slug", "name"))


def people_reached(scope: Scope) -> Figures:
    """Attendees under each public their activity declared: one person, several publics."""
    present = _registrations(scope).filter(attended=True)
    declared = "activity__public_links__public__slug"
    values = {slug: Count("pk", distinct=True, filter=Q(**{declared: slug})) for slug in _publics()}
    values[NO_PUBLIC] = Count("pk", distinct=True, filter=Q(activity__public_links__isnull=True))
    values[TOTAL] = Count("pk", distinct=True)
    return _by_registrations(present, scope, values)


def _public_breakdown() -> dict[str, str]:
    return {**_publics(), NO_PUBLIC: "Activité sans public déclaré"}


def audiences(scope: Scope) -> Figures:
    counted = AudienceCount.objects.filter(activity__in=held(scope))
    values = {
        category.value: Sum("count", filter=Q(category=category)) for category in PublicCategory
    }
    return tally(counted, values, scope, through="activity", commune="activity__commune")


def _kinds() -> dict[str, str]:
    return dict(ActivityKind.choices)


def _categories() -> dict[str, str]:
    return dict(PublicCategory.choices)


INDICATORS = [
    Indicator(
        "activities",
        "Activités menées",
        "activités",
        Section.ACTIVITIES,
        activities,
        breakdown=_kinds,
        source=SOURCE,
        position=1,
    ),
    Indicator(
        "activity_hours",
        "Heures d’activité",
        "heures",
        Section.ACTIVITIES,
        activity_hours,
        source=SOURCE + " Durée : de l’heure de début à l’heure de fin.",
        position=2,
    ),
    Indicator(
        "trainings",
        "Formations",
        "formations",
        Section.ACTIVITIES,
        trainings,
        source=SOURCE,
        position=3,
    ),
    Indicator(
        "training_hours",
        "Heures de formation",
        "heures",
        Section.ACTIVITIES,
        training_hours,
        source=SOURCE,
        position=4,
    ),
    Indicator(
        "registrations",
        "Inscriptions confirmées",
        "inscriptions",
        Section.ACTIVITIES,
        registrations,
        source="Inscriptions confirmées aux activités de la période.",
        position=5,
    ),
    Indicator(
        "attendance",
        "Présences réelles",
        "présences",
        Section.ACTIVITIES,
        attendance,
        source="Inscrits pointés présents par l’équipe.",
        position=6,
    ),
    Indicator(
        "people_reached",
        "Personnes présentes par public visé",
        "personnes",
        Section.PUBLICS,
        people_reached,
        breakdown=_public_breakdown,
        source="Inscrits pointés présents, comptés sous chacun des publics que l’activité "
        "déclare viser ; une activité sans public déclaré est comptée à part.",
        position=1,
    ),
    Indicator(
        "volunteer_hours",
        "Heures de bénévolat",
        "heures",
        Section.ACTIVITIES,
        volunteer_hours,
        source=SOURCE + " Heures notées par l’équipe pour chaque activité (réunions des groupes "
        "de travail comprises), tous bénévoles confondus.",
        position=7,
    ),
    Indicator(
        "audiences",
        "Publics des interventions (comptés sans inscription)",
        "personnes",
        Section.PUBLICS,
        audiences,
        breakdown=_categories,
        source="Effectifs notés par l’équipe pour chaque intervention, par catégorie de public.",
        position=2,
    ),
]
