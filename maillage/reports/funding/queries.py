"""What other apps (the yearly report) read of the funding records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum

from maillage.reports.funding.logos import Logo, logo_of
from maillage.reports.funding.models import ActionExpense, Funder, Mandate
from maillage.reports.funding.models.grants import running_in


@dataclass(frozen=True)
class FunderIncome:
    funder: Funder
    granted: Decimal  # grants whose period touches the year
    received: Decimal  # instalments received during the year


def income_by_funder(year: int) -> list[FunderIncome]:
    """Each funder with a grant running in `year` (two queries, whatever the grants)."""
    received = Q(grants__instalments__received_on__year=year)
    funders = (
        Funder.objects.annotate(granted=Sum("grants__amount", filter=running_in(year, "grants__")))
        .filter(granted__isnull=False)
        .order_by("name")
    )
    totals = dict(
        Funder.objects.filter(received)
        .annotate(received=Sum("grants__instalments__amount", filter=received))
        .values_list("pk", "received")
    )
    return [
        FunderIncome(f, f.granted or Decimal(0), totals.get(f.pk) or Decimal(0)) for f in funders
    ]


@dataclass(frozen=True)
class ActionSpending:
    code: str
    title: str
    amount: Decimal


def expenses_by_action(year: int) -> list[ActionSpending]:
    """The year's expenses entered for each plan action, in the plan's order (one query)."""
    objective = "action__operational_objective"
    rows = (
        ActionExpense.objects.of_year(year)
        .select_related("action")
        .order_by(
            f"{objective}__strategic_objective__position",
            f"{objective}__strategic_objective__code",
            f"{objective}__position",
            f"{objective}__code",
            "action__position",
            "action__code",
        )
    )
    return [ActionSpending(row.action.code, row.action.title, row.amount) for row in rows]


@dataclass(frozen=True)
class FunderNotice:
    """What a funder asks to see in the report: its required mention and its logo."""

    name: str
    mention: str
    logo: Logo | None


def funder_notices(year: int) -> list[FunderNotice]:
    """The funders of the year's grants that have a mention or a logo, by name."""
    funders = (
        Funder.objects.filter(running_in(year, "grants__"))
        .exclude(required_mention="", logo="")
        .distinct()
        .order_by("name")
    )
    return [FunderNotice(f.name, f.required_mention.strip(), logo_of(f)) for f in funders]


def mandates_during(first: date, last: date) -> QuerySet[Mandate]:
    return Mandate.objects.during(first, last).select_related("body", "person")
