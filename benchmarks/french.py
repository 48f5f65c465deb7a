"""The benchmarks' printed reports in French: numbers (« 40 000 000 », « 7,56 ») and whether a
target is met."""

from __future__ import annotations

from django.utils.formats import number_format


def fr(value: float, decimals: int = 0) -> str:
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def met(done: bool) -> str:
    return "atteint" if done else "non atteint"
