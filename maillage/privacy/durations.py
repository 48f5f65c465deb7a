"""Retention periods in words, from the settings that drive the purges, so that the registry
says what the purge does: « 3 ans », « 18 mois », « 45 jours »."""

from __future__ import annotations

DAYS_PER_YEAR = 365
DAYS_PER_MONTH = 30


def duration_text(days: int) -> str:
    if days % DAYS_PER_YEAR == 0:
        count, unit = days // DAYS_PER_YEAR, ("an", "ans")
    elif days % DAYS_PER_MONTH == 0:
        count, unit = days // DAYS_PER_MONTH, ("mois", "mois")
    else:
        count, unit = days, ("jour", "jours")
    return f"{count} {unit[0] if count < 2 else unit[1]}"
