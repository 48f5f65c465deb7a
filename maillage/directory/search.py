"""Search as people type it: accents, case and punctuation do not matter.

Each establishment keeps `search_text`, the folded words of its names, description, themes and
commune; a query is folded the same way and matched word by word, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from maillage.core.text import fold

if TYPE_CHECKING:
    from maillage.directory.models import Establishment


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
