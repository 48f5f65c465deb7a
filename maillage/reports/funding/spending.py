"""Staff write the expenses of each plan action for a year; a blank amount removes it."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from maillage.plan.models import Action
from maillage.reports.funding.models import ActionExpense

STRATEGIC = "operational_objective__strategic_objective"


def plan_actions() -> list[Action]:
    """The actions in force, in the plan's order, with their objectives (one query)."""
    return list(
        Action.objects.active()
        .filter(operational_objective__is_active=True, **{f"{STRATEGIC}__is_active": True})
        .select_related(STRATEGIC)
        .order_by(
            f"{STRATEGIC}__position",
            f"{STRATEGIC}__code",
            "operational_objective__position",
            "operational_objective__code",
            "position",
            "code",
        )
    )


def set_expenses(year: int, amounts: dict[int, Decimal | None]) -> None:
    """Make the year's expenses exactly `amounts` (action primary key -> euros) for those
    actions; sending the same form twice writes the same rows."""
    with transaction.atomic():
        for action, amount in amounts.items():
            if amount is None:
                ActionExpense.objects.filter(action_id=action, year=year).delete()
            else:
                ActionExpense.objects.update_or_create(
                    action_id=action, year=year, defaults={"amount": amount}
                )


def expenses_of_year(year: int) -> dict[int, Decimal]:
    """Action primary key -> the year's expenses."""
    return dict(ActionExpense.objects.of_year(year).values_list("action_id", "amount"))
