"""Finding the directory organisation a person works in: by SIRET or SIREN, else by exact name.

The address book never creates directory organisations: an unknown one is reported as such.
"""

from __future__ import annotations

import re

from django.db.models import Q

from maillage.core.text import fold
from maillage.directory.models import Establishment, LegalUnit

_SEPARATORS = re.compile(r"[\s.\-]")


class BadNumber(ValueError):
    """Not a SIRET (14 digits) nor a SIREN (9 digits)."""


def clean_number(value: str) -> str:
    """'123 456 789 00012' -> '12345678900012'; raise BadNumber for anything else."""
    number = _SEPARATORS.sub("", value)
    if not (number.isdigit() and len(number) in (9, 14)):
        raise BadNumber(f"« {value} » n’est ni un SIRET (14 chiffres) ni un SIREN (9 chiffres)")
    return number


def by_number(number: str) -> LegalUnit | None:
    if len(number) == 14:
        site = Establishment.objects.select_related("legal_unit").filter(siret=number).first()
        if site is not None:
            return site.legal_unit
    return LegalUnit.objects.filter(siren=number[:9]).first()


def by_name(name: str) -> LegalUnit | None:
    """The one organisation with exactly this name (case aside); None if none or several."""
    # The establishments' sort name is the folded name: it matches accents and case aside.
    named = Q(name__iexact=name.strip()) | Q(establishments__sort_name=fold(name)[:300])
    units = list(LegalUnit.objects.filter(named).distinct()[:2])
    return units[0] if len(units) == 1 else None


def find_legal_unit(text: str) -> LegalUnit | None:
    """From what staff type: a SIRET, a SIREN, or the organisation's exact name."""
    text = text.strip()
    if not text:
        return None
    try:
        return by_number(clean_number(text))
    except BadNumber:
        return by_name(text)
