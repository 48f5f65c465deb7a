"""Commune names folded the way people write them: « St jean de liversay » is
Saint-Jean-de-Liversay, « LA CRECHE » and « Crèche (La) » are La Crèche."""

from __future__ import annotations

from maillage.core.text import fold

ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}
ARTICLES = {"le", "la", "les", "l"}
POSTAL_SUFFIXES = {"cedex"}  # « Vannes Cedex » is Vannes for La Poste


def commune_key(written: str) -> tuple[str, str]:
    """(the name's words without their article, the article): « Le Faouët » -> ('faouet', 'le')."""
    words = [ABBREVIATIONS.get(word, word) for word in fold(written).split()]
    for suffix in POSTAL_SUFFIXES:
        if suffix in words[1:]:
            words = words[: words.index(suffix, 1)]
    article = ""
    if len(words) > 1 and words[-1] in ARTICLES and written.rstrip().endswith(")"):
        article = words.pop()  # the INSEE listing order, « Crèche (La) »
    elif len(words) > 1 and words[0] in ARTICLES:
        article = words.pop(0)
    return " ".join(words), article
