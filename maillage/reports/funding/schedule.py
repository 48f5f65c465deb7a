"""A grant's payment schedule as staff read it: each instalment, received or expected (late
when its date has passed), and the totals, all computed from the instalments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from maillage.reports.funding.models import Grant, Instalment


@dataclass(frozen=True)
class Schedule:
    instalments: list[Instalment]
    scheduled: Decimal
    received: Decimal
    expected: Decimal  # scheduled, not received yet
    unscheduled: Decimal  # granted, in no instalment yet
    late: list[Instalment]


def schedule_of(grant: Grant, today: date) -> Schedule:
    instalments = list(grant.instalments.all())
    scheduled = sum((i.amount for i in instalments), Decimal(0))
    received = sum((i.amount for i in instalments if i.is_received), Decimal(0))
    late = [i for i in instalments if not i.is_received and i.expected_on < today]
    return Schedule(
        instalments, scheduled, received, scheduled - received, grant.amount - scheduled, late
    )
