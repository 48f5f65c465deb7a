"""The agenda's month as a calendar: weeks from Monday to Sunday, each day with its activities.

The day-by-day list (the phone's view) shows an activity on the day it starts (an activity begun
the month before, on the 1st); the grid shows it on every day of the month it covers, marked as
continued after its first, so a three-day event does not leave two days looking free.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.utils import timezone

from maillage.activities.models import Activity


@dataclass(frozen=True)
class Entry:
    activity: Activity
    is_past: bool
    continued: bool


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


def weeks(first: date, activities: Iterable[Activity], now: datetime) -> list[list[Day]]:
    grid = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(
        first.year, first.month
    )
    today = timezone.localdate(now)
    cells = {day: Day(day, day.month == first.month, day == today) for week in grid for day in week}
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    for activity in activities:
        start = timezone.localdate(activity.starts_at)
        day, end = max(start, first), min(timezone.localdate(activity.ends_at), last)
        while day <= end:
            entry = Entry(activity, activity.ends_at < now, continued=day != start)
            cells[day].entries.append(entry)
            day += timedelta(days=1)
    return [[cells[day] for day in week] for week in grid]
