"""The per-grant report, in the sections of the Cerfa 15059 « compte rendu financier »: the
qualitative report, the budget planned and actual with its gaps (computed), and the
agreement's indicators counted over the grant's actions and period by the indicator registry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from maillage.plan.indicators import TOTAL, Number, Period, Scope, indicator_named
from maillage.plan.links import actions_of
from maillage.reports.funding.enums import BudgetSide
from maillage.reports.funding.models import AgreementIndicator, BudgetLine, Grant


@dataclass(frozen=True)
class BudgetSideTotals:
    side: str  # a BudgetSide label
    lines: list[BudgetLine]
    planned: Decimal
    actual: Decimal
    gap: Decimal


@dataclass(frozen=True)
class IndicatorValue:
    name: str
    unit: str
    value: Number | None  # None: the agreement's indicator is not one the platform counts
    target: Decimal | None


def budget_of(grant: Grant) -> list[BudgetSideTotals]:
    lines = list(grant.budget_lines.all())
    sides = []
    for side in BudgetSide:
        mine = [line for line in lines if line.side == side]
        planned = sum((line.planned for line in mine), Decimal(0))
        actual = sum((line.actual or Decimal(0) for line in mine), Decimal(0))
        sides.append(BudgetSideTotals(side.label, mine, planned, actual, actual - planned))
    return sides


def scope_of(grant: Grant) -> Scope:
    period = Period(grant.starts_on, grant.ends_on + timedelta(days=1))
    return Scope(period, frozenset(actions_of(grant).values_list("pk", flat=True)))


def _value(row: AgreementIndicator, scope: Scope) -> tuple[str, Number | None]:
    indicator = indicator_named(row.indicator) if row.indicator else None
    if indicator is None:
        return "", None
    total = indicator.compute(scope).total
    return indicator.unit, total.get(TOTAL, sum(total.values()))


def indicators_of(grant: Grant) -> list[IndicatorValue]:
    scope = scope_of(grant)
    values = []
    for row in grant.indicators.all():
        unit, value = _value(row, scope)
        values.append(IndicatorValue(row.name, unit, value, row.target))
    return values
