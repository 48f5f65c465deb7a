"""Numbers and sentences in correct French, for the key-figures paragraph ready to paste.

Numbers go through the one French formatter, `maillage.core.french`: "3 042 emplois, soit
12,7 % des effectifs salariés du territoire".
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from maillage.core.french import number, percent, plural

__all__ = ["key_figures_paragraph", "number", "of_territory", "percent", "plural", "share"]
MASCULINE_STARTS = ("Pays ", "Val ", "Territoire ", "Grand ", "Bassin ", "Canton ")

FAMILY_NOUNS: dict[str, tuple[str, str]] = {
    "association": ("association", "associations"),
    "cooperative": ("coopérative", "coopératives"),
    "mutuelle": ("mutuelle", "mutuelles"),
    "fondation": ("fondation", "fondations"),
    "commercial": ("société commerciale de l’ESS", "sociétés commerciales de l’ESS"),
}


def of_territory(name: str) -> str:
    """ "du Pays de Vitré", "d’Auray", "de Lorient Agglomération"."""
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
            shown = percent(part, 0) if part >= Decimal("0.5") else f"moins de {percent(1, 0)}"
            text += f", soit {shown}"
            if first:
                text += " des établissements employeurs de l’ESS"
        sentences.append(text + ".")
        first = False
    return " ".join(sentences)
