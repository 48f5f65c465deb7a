"""What the support of project holders counts for the activity report: cases by stage, new and
closed cases and their outcomes, jobs created, referrals to partners and their answers."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet, Sum

from maillage.plan.indicators import TOTAL, Figures, Indicator, Scope, Section
from maillage.plan.tallies import tally
from maillage.support.journeys.enums import ReferralStatus
from maillage.support.journeys.models import Referral, Stage, SupportCase

# Closed cases by what came of them.
CREATED = "activity_created"
NOT_CREATED = "no_activity"
NO_OUTCOME = "no_outcome"


def followed(scope: Scope) -> QuerySet[SupportCase]:
    """Cases open at some time during the period."""
    period = scope.period
    return SupportCase.objects.filter(opened_on__lt=period.end).filter(
        Q(closed_on__isnull=True) | Q(closed_on__gte=period.start)
    )


def _closed(scope: Scope) -> QuerySet[SupportCase]:
    period = scope.period
    return SupportCase.objects.filter(closed_on__gte=period.start, closed_on__lt=period.end)


def _stages() -> dict[str, str]:
    return dict(Stage.objects.order_by("order", "pk").values_list("slug", "name"))


def cases_by_stage(scope: Scope) -> Figures:
    values = {slug: Count("pk", filter=Q(stage__slug=slug)) for slug in _stages()}
    return tally(followed(scope), values, scope, commune="commune")


def new_cases(scope: Scope) -> Figures:
    period = scope.period
    opened = SupportCase.objects.filter(opened_on__gte=period.start, opened_on__lt=period.end)
    return tally(opened, {TOTAL: Count("pk")}, scope, commune="commune")


def closed_cases(scope: Scope) -> Figures:
    values = {
        CREATED: Count("pk", filter=Q(outcome__activity_created=True)),
        NOT_CREATED: Count("pk", filter=Q(outcome__activity_created=False)),
        NO_OUTCOME: Count("pk", filter=Q(outcome__isnull=True)),
    }
    return tally(_closed(scope), values, scope, commune="commune")


def jobs_created(scope: Scope) -> Figures:
    return tally(_closed(scope), {TOTAL: Sum("outcome__jobs_created")}, scope, commune="commune")


def referrals(scope: Scope) -> Figures:
    period = scope.period
    sent = Referral.objects.filter(sent_on__gte=period.start, sent_on__lt=period.end)
    values = {status.value: Count("pk", filter=Q(status=status)) for status in ReferralStatus}
    return tally(sent, values, scope, through="case", commune="case__commune")


SOURCE = "Dossiers d’accompagnement de l’équipe (ouverts pendant la période ou avant, non clos)."

INDICATORS = [
    Indicator(
        "support_cases",
        "Dossiers d’accompagnement suivis, par étape actuelle",
        "dossiers",
        Section.SUPPORT,
        cases_by_stage,
        breakdown=_stages,
        source=SOURCE,
        position=1,
    ),
    Indicator(
        "new_cases",
        "Nouveaux porteurs de projet accompagnés",
        "dossiers",
        Section.SUPPORT,
        new_cases,
        source="Dossiers ouverts pendant la période.",
        position=2,
    ),
    Indicator(
        "closed_cases",
        "Accompagnements terminés, par résultat",
        "dossiers",
        Section.SUPPORT,
        closed_cases,
        breakdown=lambda: {
            CREATED: "Activité créée",
            NOT_CREATED: "Pas d’activité créée",
            NO_OUTCOME: "Résultat non renseigné",
        },
        source="Dossiers clos pendant la période et leur résultat.",
        position=3,
    ),
    Indicator(
        "jobs_created",
        "Emplois créés par les projets accompagnés",
        "emplois",
        Section.SUPPORT,
        jobs_created,
        source="Résultats des dossiers clos pendant la période.",
        position=4,
    ),
    Indicator(
        "referrals",
        "Orientations vers les partenaires, par réponse",
        "orientations",
        Section.SUPPORT,
        referrals,
        breakdown=lambda: dict(ReferralStatus.choices),
        source="Orientations envoyées pendant la période et leur état actuel.",
        position=5,
    ),
]
