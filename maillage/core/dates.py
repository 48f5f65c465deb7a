"""Dates written the French way: the first day of a month is « 1er » (« 1er janvier 2026 »), and
a short month is French (« 23 juil. 2026 »).

Django's format characters have no ordinal, so the day character `j` is swapped, on the first of
the month only, for the escaped literal « 1er » before Django formats the rest. Its short months
`M` and `b` cut the French name at three letters (« Jui » for both juin and juillet, « Nov »), so
they are written as `N`, whose French forms are the usual abbreviations."""

from __future__ import annotations

import re
from datetime import date, datetime

from django.template.defaultfilters import date as django_date
from django.utils import timezone

# A `j` that is not escaped by a backslash (an escaped one is a literal letter).
DAY_OF_MONTH = re.compile(r"(?<!\\)j")
THREE_LETTER_MONTH = re.compile(r"(?<!\\)[Mb]")


def french_date(value: date | datetime | None, format_string: str | None = None) -> str:
    """Format as Django's `date` filter does (local time, active language), with « 1er »."""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    if format_string:
        format_string = THREE_LETTER_MONTH.sub("N", format_string)
    if format_string and isinstance(value, date) and value.day == 1:
        format_string = DAY_OF_MONTH.sub(r"\\1\\e\\r", format_string)
    return django_date(value, format_string)


def long_date(day: date | datetime) -> str:
    """« 1er avril 2026 »: a date in a sentence."""
    return french_date(day, "j F Y")


def clock_time(value: datetime) -> str:
    """« 10 h », « 9 h 30 »: a time of day in local time, as French typography writes it."""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{local.hour}\u00a0h" + (f"\u00a0{local.minute:02d}" if local.minute else "")


def time_range(start: datetime, end: datetime) -> str:
    """« de 9 h 30 à 12 h »: the hours of something held within one day."""
    return f"de {clock_time(start)} à {clock_time(end)}"
