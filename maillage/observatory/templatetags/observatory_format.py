"""The observatory's number filters, kept as names its templates use; they write through the one
French formatter (`maillage.core.french`), as the builtin `count`, `number` and `percent` do."""

from decimal import Decimal

from django import template

from maillage.core import french

register = template.Library()


@register.filter
def fr_number(value: int | Decimal | None, decimals: int = 0) -> str:
    return french.DASH if value is None else french.number(value, int(decimals))


@register.filter
def fr_percent(value: Decimal | None, decimals: int = 1) -> str:
    return french.DASH if value is None else french.percent(value, int(decimals))
