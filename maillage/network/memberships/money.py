"""Amounts in euros as French readers write them: « 1 250,00 € »."""

from decimal import ROUND_HALF_UP, Decimal

NBSP = "\u00a0"


def euros(value: Decimal | int | None) -> str:
    if value is None:
        return "–"
    cents = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if cents < 0 else ""
    whole, _, fraction = f"{abs(cents):f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"{sign}{NBSP.join(groups)},{fraction}{NBSP}€"
