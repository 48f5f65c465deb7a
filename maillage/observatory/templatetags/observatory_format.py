from decimal import Decimal

from django import template

from maillage.observatory import wording

register = template.Library()


@register.filter
def fr_number(value: int | Decimal | None, decimals: int = 0) -> str:
    return "–" if value is None else wording.number(value, int(decimals))


@register.filter
def fr_percent(value: Decimal | None, decimals: int = 1) -> str:
    return "–" if value is None else wording.percent(value, int(decimals))
