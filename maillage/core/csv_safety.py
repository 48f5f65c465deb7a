"""CSV cells that a spreadsheet would run as a formula are defused with a leading apostrophe.

Used by every CSV the platform serves (exports, rejected import lines, open data).
"""

from collections.abc import Iterable

DANGEROUS_FIRST = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(DANGEROUS_FIRST) else text


def escape_row(values: Iterable[object]) -> list[str]:
    return [escape_cell(value) for value in values]
