"""The staff dashboard's figures, each computed from rows and held as a table.

A table is what the page shows (a caption, headers, rows) and what the CSV export writes, so
every figure has an accessible text form and the two can never disagree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import chain
from statistics import median

from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone

from maillage.plan.links import count_by_action
from maillage.support.journeys.enums import ProjectKind, ReferralStatus
from maillage.support.journeys.models import Outcome, Referral, Stage, StageChange, SupportCase

CENTS = Decimal("0.01")
PLAN_ORDER = [
    "operational_objective__strategic_objective__position",
    "operational_objective__strategic_objective__code",
    "operational_objective__position",
    "operational_objective__code",
    "position",
    "code",
]


@dataclass(frozen=True)
class Table:
    slug: str  # names the CSV file
    caption: str
    headers: list[str]
    rows: list[list]
    note: str = ""


def open_by_stage_and_kind() -> Table:
    counts = {(stage, kind): n for stage, kind, n in _open_counts()}
    kinds = list(ProjectKind)
    rows = []
    for stage in Stage.objects.active().filter(is_final=False):
        values = [counts.get((stage.pk, kind.value), 0) for kind in kinds]
        rows.append([stage.name, *values, sum(values)])
    totals = [sum(row[index] for row in rows) for index in range(1, len(kinds) + 2)]
    rows.append(["Total", *totals])
    return Table(
        "dossiers-ouverts",
        "Dossiers ouverts par étape et par type de projet",
        ["Étape", *[kind.label for kind in kinds], "Total"],
        rows,
    )


def _open_counts():
    return (
        SupportCase.objects.open()
        .order_by()
        .values("stage", "kind")
        .annotate(n=Count("pk"))
        .values_list("stage", "kind", "n")
    )


@dataclass
class Stays:
    """Days spent in one stage: stays the case has left, and stays of open cases until today."""

    finished: list[int] = field(default_factory=list)
    current: list[int] = field(default_factory=list)

    @property
    def all(self) -> list[int]:
        return self.finished + self.current


def stage_durations(today: date | None = None) -> dict[int, Stays]:
    """The stays of every case in every stage, by stage id; an open case's stay in its current
    stage counts up to `today` (a closed case's final stage is not a stay)."""
    today = today or timezone.localdate()
    stays: dict[int, Stays] = defaultdict(Stays)
    previous = None
    changes = StageChange.objects.order_by("case", "changed_on", "pk").values(
        "case", "stage", "changed_on", "case__closed_on"
    )
    for change in chain(changes.iterator(), [None]):  # None: after the last case
        if previous is not None:
            if change is not None and previous["case"] == change["case"]:
                days = (change["changed_on"] - previous["changed_on"]).days
                stays[previous["stage"]].finished.append(days)
            elif previous["case__closed_on"] is None:
                stays[previous["stage"]].current.append((today - previous["changed_on"]).days)
        previous = change
    return stays


def time_per_stage(today: date | None = None) -> Table:
    stays = stage_durations(today)
    rows = [
        [
            stage.name,
            len(stays[stage.pk].finished),
            len(stays[stage.pk].current),
            _median(stays[stage.pk].all),
        ]
        for stage in Stage.objects.filter(is_final=False)
        if stage.is_active or stays[stage.pk].all
    ]
    return Table(
        "temps-par-etape",
        "Temps passé par étape (en jours)",
        ["Étape", "Passages terminés", "Passages en cours", "Durée médiane (jours)"],
        rows,
        "La durée médiane compte les passages terminés et ceux en cours, jusqu’à aujourd’hui.",
    )


def _median(values: list[int]) -> Decimal | str:
    return Decimal(str(median(values))).normalize() if values else "—"


def referrals_by_partner() -> Table:
    statuses = list(ReferralStatus)
    per_status = {status.value: Count("pk", filter=Q(status=status.value)) for status in statuses}
    # Grouped by partner (two partners may share a name), listed by name then creation.
    partners = (
        Referral.objects.order_by()
        .values("service__provider", "service__provider__name")
        .annotate(total=Count("pk"), **per_status)
        .order_by("service__provider__name", "service__provider")
    )
    rows = [
        [row["service__provider__name"], *[row[status.value] for status in statuses], row["total"]]
        for row in partners
    ]
    return Table(
        "orientations-par-partenaire",
        "Orientations par partenaire et par état",
        ["Partenaire", *[status.label for status in statuses], "Total"],
        rows,
    )


def outcomes_per_year() -> Table:
    years = (
        Outcome.objects.order_by()
        .annotate(year=ExtractYear("case__closed_on"))
        .values("year")
        .annotate(
            closed=Count("pk"),
            activities=Count("pk", filter=Q(activity_created=True)),
            jobs=Sum("jobs_created"),
            structures=Count("structure"),
            funding=Sum("funding_amount"),
        )
        .order_by("year")
    )
    rows = [
        [
            str(row["year"]),
            row["closed"],
            row["activities"],
            row["jobs"] or 0,
            row["structures"],
            Decimal(row["funding"] or 0).quantize(CENTS),
        ]
        for row in years
    ]
    return Table(
        "resultats-par-annee",
        "Résultats des dossiers clos, par année de clôture",
        ["Année", "Dossiers clos", "Activités créées", "Emplois créés",
         "Structures créées (annuaire)", "Financements obtenus (€)"],
        rows,
    )  # fmt: skip


def cases_by_action() -> Table:
    """Cases followed per plan action and year of opening: what the activity report counts."""
    years = sorted(
        {day.year for day in SupportCase.objects.values_list("opened_on", flat=True).distinct()}
    )
    counts = {
        year: {
            action.pk: action.record_count
            for action in count_by_action(SupportCase.objects.filter(opened_on__year=year))
        }
        for year in years
    }
    rows = []
    # A grouped query drops the model's default ordering: the plan's order is asked for here.
    actions = count_by_action(SupportCase).filter(record_count__gt=0).order_by(*PLAN_ORDER)
    for action in actions:
        rows.append([f"{action.code} {action.title}", *[counts[y][action.pk] for y in years]])
    return Table(
        "dossiers-par-action",
        "Dossiers par action du projet du pôle et par année d’ouverture",
        ["Action", *[str(year) for year in years]],
        rows,
    )


TABLES = {
    "dossiers-ouverts": open_by_stage_and_kind,
    "temps-par-etape": time_per_stage,
    "orientations-par-partenaire": referrals_by_partner,
    "resultats-par-annee": outcomes_per_year,
    "dossiers-par-action": cases_by_action,
}


def all_tables() -> list[Table]:
    return [build() for build in TABLES.values()]


def case_stage_days(case: SupportCase, today=None) -> dict[int, int]:
    """Days spent in each stage change of one case: until the next change, or until today."""
    changes = list(case.stage_changes.order_by("changed_on", "pk"))
    ends = [change.changed_on for change in changes[1:]]
    if not case.is_closed:
        ends.append(today or timezone.localdate())
    return {
        change.pk: (end - change.changed_on).days
        for change, end in zip(changes, ends, strict=False)
    }
