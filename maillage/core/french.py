"""French numbers and typography, written one way everywhere: pages, e-mails, exports.

« 3 042 » (a non-breaking space groups thousands), « 12,7 % », « −1,4 pt » (a gap between two
percentages is in points), « 2026 » (a year is a label, never grouped), « 1 250,00 € », and
non-breaking spaces before « : ; ! ? » and inside « guillemets ».
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

NBSP = "\u00a0"
MINUS = "\u2212"
DASH = "–"  # shown where a value is missing

Number = int | float | Decimal


def _rounded(value: Number, decimals: int) -> Decimal:
    quantum = Decimal(1).scaleb(-decimals)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    return abs(rounded) if rounded == 0 else rounded  # never « -0 »


def _grouped(digits: str) -> str:
    groups: list[str] = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return NBSP.join(groups)


def number(value: Number, decimals: int = 0, minus: str = "-") -> str:
    """12345.67 → « 12 345,7 » (decimals=1): rounded half up."""
    rounded = _rounded(value, decimals)
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    text = _grouped(whole) + (f",{fraction}" if fraction else "")
    return (minus if rounded < 0 else "") + text


def count(value: Number) -> str:
    """A number of things has no decimals: 13700.0 → « 13 700 »."""
    return number(value, 0)


def year(value: int | str) -> str:
    """A year is written without a separator: « 2026 », never « 2 026 »."""
    return str(int(value))


def percent(value: Number, decimals: int = 1) -> str:
    return f"{number(value, decimals)}{NBSP}%"


def signed(value: Number, decimals: int = 0) -> str:
    """A difference, with its sign: « +12 », « −1,4 », « 0 »."""
    text = number(value, decimals, minus=MINUS)
    return "+" + text if _rounded(value, decimals) > 0 else text


def points(value: Number, decimals: int = 1) -> str:
    """A gap between two percentages: « −1,4 pt » (percentage points, not a percentage)."""
    return f"{signed(value, decimals)}{NBSP}pt"


def euros(value: Number | None) -> str:
    """« 1 250,00 € »."""
    if value is None:
        return DASH
    return f"{number(value, 2)}{NBSP}€"


def plural(amount: int, singular: str, plural_form: str) -> str:
    """« 0 établissement », « 1 emploi », « 3 042 emplois »: 0 and 1 take the singular."""
    return f"{count(amount)} {agreed(amount, singular, plural_form)}"


def agreed(amount: int, singular: str, plural_form: str) -> str:
    """The words alone, agreed with `amount`: « colonne manquante », « colonnes manquantes »."""
    return singular if abs(amount) < 2 else plural_form


# Typography: a plain space before « : ; ! ? » or after « / before » becomes non-breaking, and
# « guillemets » always get one inside.
_BEFORE_PUNCTUATION = re.compile(r"[ \u202f]([:;!?»])")
_AFTER_OPENING = re.compile(r"«[ \u202f\u00a0]?")
_CLOSING_WITHOUT_SPACE = re.compile(r"(?<=[^\s\u00a0])»")


def typography(text: str) -> str:
    """« Adresse : Vannes » with non-breaking spaces where French puts them."""
    text = _BEFORE_PUNCTUATION.sub(NBSP + r"\1", text)
    text = _AFTER_OPENING.sub("«" + NBSP, text)
    return _CLOSING_WITHOUT_SPACE.sub(NBSP + "»", text)


# Articles: « la CADES » → « de la CADES », « le Pôle » → « du Pôle », « l’Écopôle » → « de
# l’Écopôle », « les Tiers-lieux » → « des Tiers-lieux ».
_CONTRACTED = {"le ": "du ", "les ": "des "}
_VOWELS = "aeiouyhàâäéèêëîïôöùûü"


def of(phrase: str) -> str:
    """The complement « de … » of a name given with its article (or without one)."""
    for article, contracted in _CONTRACTED.items():
        if phrase.lower().startswith(article):
            return contracted + phrase[len(article) :]
    if phrase[:1].lower() in _VOWELS and not phrase.lower().startswith(("l’", "l'")):
        return "d’" + phrase
    return "de " + phrase


def with_article(article: str, name: str) -> str:
    """« la » + « CADES » → « la CADES »; « l’ » + « Écopôle » → « l’Écopôle »."""
    if not article:
        return name
    return article + name if article.endswith(("’", "'")) else f"{article} {name}"
