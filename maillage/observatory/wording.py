"""Numbers and sentences in correct French, for the key-figures paragraph ready to paste.

Thousands are separated by a non-breaking space, decimals by a comma, and « % » is preceded by a
non-breaking space: "3 042 emplois, soit 12,7 % des effectifs salariés du Pays de Redon".
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

NBSP = "\u00a0"
MASCULINE_STARTS = ("Pays ", "Val ", "Territoire ", "Grand ", "Bassin ", "Canton ")

FAMILY_NOUNS: dict[str, tuple[str, str]] = {
    "association": ("association", "associations"),
    "cooperative": ("coopérative", "coopératives"),
    "mutuelle": ("mutuelle", "mutuelles"),
    "fondation": ("fondation", "fondations"),
    "commercial": ("société commerciale de l’ESS", "sociétés commerciales de l’ESS"),
}


def number(value: int | Decimal | float, decimals: int = 0) -> str:
    """12345.67 → "12 345,7" (decimals=1): rounded half up, never "-0"."""
    quantum = Decimal(1).scaleb(-decimals)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)
    sign = "-" if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = NBSP.join(groups)
    return sign + (f"{text},{fraction}" if fraction else text)


def percent(value: Decimal | float, decimals: int = 0) -> str:
    return f"{number(value, decimals)}{NBSP}%"


def plural(count: int, singular: str, plural_form: str) -> str:
    """French agreement: 0 and 1 take the singular."""
    return f"{number(count)} {singular if abs(count) < 2 else plural_form}"


def of_territory(name: str) -> str:
    """ "du Pays de Redon", "d’Auray", "de Redon Agglomération"."""
    if name.startswith(MASCULINE_STARTS):
        return f"du {name}"
    if name[:1].lower() in "aeiouyhéèêâàîô":
        return f"d’{name}"
    return f"de {name}"


def share(part: int | Decimal, whole: int | Decimal) -> Decimal | None:
    if not whole:
        return None
    return Decimal(part) * 100 / Decimal(whole)


def key_figures_paragraph(
    territory: str,
    employers: int,
    jobs: Decimal,
    job_share: Decimal | None,
    families: Sequence[tuple[str, int]],
) -> str:
    """The hub's leaflet sentence, from the numbers; `families` is (family, employers) in order."""
    head = (
        f"{plural(employers, 'établissement employeur', 'établissements employeurs')} – "
        f"{plural(int(Decimal(jobs).quantize(Decimal(1), ROUND_HALF_UP)), 'emploi', 'emplois')}"
    )
    if job_share is not None:
        head += f", soit {percent(job_share, 1)} des effectifs salariés {of_territory(territory)}"
    else:
        head += f" dans l’ESS {of_territory(territory)}"
    sentences = [head + "."]
    first = True
    for family, count in families:
        if not count:
            continue
        singular, plural_form = FAMILY_NOUNS[family]
        part = share(count, employers)
        text = plural(count, singular, plural_form)
        if part is not None:
            shown = percent(part) if part >= Decimal("0.5") else f"moins de {percent(1)}"
            text += f", soit {shown}"
            if first:
                text += " des établissements employeurs de l’ESS"
        sentences.append(text + ".")
        first = False
    return " ".join(sentences)
