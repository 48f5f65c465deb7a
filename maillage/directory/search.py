"""Search as people type it: accents, case and punctuation do not matter.

Each establishment keeps three folded texts: `search_name` (its names, sign and acronym),
`search_place` (its commune) and `search_text` (all of them, with the description and the
themes). A search finds the entries whose `search_text` holds every word of the query and ranks
them by where the words are (`search_query.py`). The intercommunality's name is in no entry's
text: a search for it would otherwise find every entry of the territory.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from maillage.core.text import fold

if TYPE_CHECKING:
    from maillage.directory.models import Establishment


def _folded(parts: list[str]) -> str:
    return " ".join(fold(part) for part in parts if part)


def search_name_of(establishment: Establishment) -> str:
    unit = establishment.legal_unit
    return _folded([establishment.name, establishment.sign, unit.name, unit.acronym])


def search_place_of(establishment: Establishment) -> str:
    commune = establishment.commune.name if establishment.commune_id else ""
    return _folded([establishment.city_name, commune])


def search_text_of(establishment: Establishment) -> str:
    parts = [search_name_of(establishment), fold(establishment.description)]
    parts.append(search_place_of(establishment))
    if establishment.pk:
        parts.extend(fold(theme.name) for theme in establishment.themes.all())
    return " ".join(part for part in parts if part)
