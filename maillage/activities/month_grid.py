"""The agenda's month as a calendar: weeks from Monday to Sunday, each day with its activities.

An activity is shown on the day it starts (an activity begun the month before, on the 1st), as
the month's list does, so the grid and its phone fallback say the same thing.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone

from maillage.activities.models import Activity


@dataclass(frozen=True)
class Entry:
    activity: Activity
    is_past: bool


@dataclass
class Day:
    day: date
    in_month: bool
    is_today: bool
    entries: list[Entry] = field(default_factory=list)


def by_day(activities: Iterable[Activity], first: date) -> dict[date, list[Activity]]:
    """The month's activities under the day they start, clamped to the month's first day."""
    days: dict[date, list[Activity]] = {}
    for activity in activities:
        start = max(timezone.localdate(activity.starts_at), first)
        days.setdefault(start, []).append(activity)
    return days


def weeks(first: date, days: dict[date, list[Activity]], now: datetime) -> list[list[Day]]:
    today = timezone.localdate(now)
    grid = []
    for week in calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(
        first.year, first.month
    ):
        row = []
        for day in week:
            in_month = day.month == first.month
            entries = [
                Entry(activity, is_past=activity.ends_at < now)
                for activity in (days.get(day, []) if in_month else [])
            ]
            row.append(Day(day, in_month, day == today, entries))
        grid.append(row)
    return grid
