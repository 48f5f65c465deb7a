"""Staff set the targets of an action for a year; a blank value removes the target."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from maillage.plan.models import Action
from maillage.reports.indicators.models import Target


def set_targets(action: Action, year: int, values: dict[str, Decimal | None]) -> None:
    """Make the action's targets for `year` exactly `values` (indicator slug -> target)."""
    with transaction.atomic():
        for slug, value in values.items():
            if value is None:
                Target.objects.filter(action=action, indicator=slug, year=year).delete()
            else:
                Target.objects.update_or_create(
                    action=action, indicator=slug, year=year, defaults={"value": value}
                )


def targets_of_year(year: int) -> dict[tuple[int, str], float]:
    """(action primary key, indicator slug) -> target, for one year."""
    rows = Target.objects.of_year(year).values_list("action_id", "indicator", "value")
    return {(action, slug): float(value) for action, slug, value in rows}
