"""French plural agreement: 0 and 1 take the singular (« 0 ligne rejetée », « 1,5 heure »),
2 and more the plural, where English, and Django's `pluralize`, put 0 in the plural."""

from __future__ import annotations

from typing import Any


def is_plural(value: Any) -> bool | None:
    """Whether a count (a number, a numeric string or a sized object) takes the plural; None
    when `value` is no count at all."""
    try:
        return abs(float(value)) >= 2
    except ValueError:
        return None
    except TypeError:
        try:
            return len(value) >= 2
        except TypeError:
            return None


def pluralize(value: Any, arg: str = "s") -> str:
    """Django's `pluralize` with the French rule: `arg` is a plural suffix, or
    "singular,plural" suffixes."""
    if "," not in arg:
        arg = "," + arg
    bits = arg.split(",")
    if len(bits) > 2:
        return ""
    singular, plural = bits
    plural_form = is_plural(value)
    if plural_form is None:
        return ""
    return plural if plural_form else singular
