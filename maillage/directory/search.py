"""Search as people type it: accents, case and punctuation do not matter.

Each establishment keeps `search_text`, the folded words of its names, description, themes and
commune; a query is folded the same way and matched word by word, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from maillage.directory.models import Establishment

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """'Économie  solidaire, l’Atelier' -> 'economie solidaire l atelier'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    ascii_text = ascii_text.replace("œ", "oe").replace("æ", "ae")
    return _NOT_WORD.sub(" ", ascii_text).strip()


def query_words(query: str) -> list[str]:
    return fold(query).split()


def search_text_of(establishment: Establishment) -> str:
    unit = establishment.legal_unit
    parts = [
        establishment.name,
        establishment.sign,
        unit.name,
        unit.acronym,
        establishment.description,
        establishment.city_name,
        establishment.commune.name if establishment.commune_id else "",
    ]
    if establishment.pk:
        parts.extend(theme.name for theme in establishment.themes.all())
    return " ".join(fold(part) for part in parts if part)
