"""What makes a demonstration organisation recognisable and valid: a SIREN in the 99… range
that passes the Luhn check, like a real one."""

from __future__ import annotations

DEMO_SIREN_PREFIX = "99"


class DemoUnavailable(RuntimeError):
    """The territory is not loaded: there is nowhere to put the organisations."""


def luhn_complete(digits: str) -> str:
    """`digits` followed by the check digit that makes the whole pass the Luhn test."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return digits + str((10 - total % 10) % 10)
