from django import template

from maillage.network.memberships import money

register = template.Library()


@register.filter
def euros(value) -> str:
    """50 → « 50,00 € », with non-breaking spaces."""
    return money.euros(value)
