"""Demonstration targets: for this year, each action the demo's records serve gets a target
per indicator, some already reached, some not (fictitious, like every demo row)."""

from __future__ import annotations

import math
from decimal import Decimal

from maillage.core import demo
from maillage.plan.indicators import Period, Scope, targetable
from maillage.plan.models import Action
from maillage.reports.indicators.achievements import compute
from maillage.reports.indicators.models import Target


def _aimed(achieved: float, reached: bool) -> Decimal:
    """A round target just under what was done (reached) or a quarter above it (not yet)."""
    value = math.floor(achieved * 0.8) if reached else math.ceil(achieved * 1.25)
    return Decimal(max(value, 1))


def create_demo_targets() -> list[Target]:
    year = demo.today().year
    figures = compute(Scope(Period.year(year)), targetable())
    served = {pk for each in figures.figures.values() for pk in each.by_action}
    actions = Action.objects.filter(pk__in=served).order_by("code")
    created = []
    for index, action in enumerate(actions):
        for indicator in figures.indicators:
            achieved = figures.line(indicator, figures.values(indicator.slug, "action", action.pk))
            if not achieved.achieved:
                continue
            target, new = Target.objects.get_or_create(
                action=action,
                indicator=indicator.slug,
                year=year,
                defaults={"value": _aimed(float(achieved.achieved), index % 2 == 0)},
            )
            if new:
                demo.mark(target)
                created.append(target)
    return created
