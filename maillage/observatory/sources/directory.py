"""The directory's own entries as rows of facts: its establishments and their legal units' family.

Every entry of the territory counts, hidden ones too: an organisation that asked not to be
listed is still part of the territory's ESS economy; the figures say how many are not shown."""

from __future__ import annotations

from maillage.directory.enums import Visibility
from maillage.directory.models import Establishment, LegalUnit
from maillage.territory.models import Territory


def directory_rows(territory: Territory) -> list[tuple[object, ...]]:
    """A row per active establishment of the territory, in the order of `facts`' columns."""
    rows = (
        Establishment.objects.in_territory(territory)
        .filter(legal_unit__is_active=True)
        .order_by("pk")
        .values_list(
            "pk",
            "siret",
            "commune__code",
            "is_open",
            "employee_bracket",
            "naf_code",
            "legal_unit__ess_family",
            "headcount",
            "visibility",
        )
    )
    # An entry without a SIRET (an RNA-only association) is keyed by its id.
    return [
        (siret or f"id:{pk}", *rest, visibility != Visibility.PUBLIC)
        for pk, siret, *rest, visibility in rows
    ]


def family_overrides(territory: Territory) -> int:
    """Active organisations of the territory whose family staff set against the rule: the
    method note counts them apart, since the rule alone would not place them so."""
    decided = (
        LegalUnit.objects.family_decided()
        .filter(is_active=True, establishments__commune__territories=territory)
        .distinct()
    )
    return sum(1 for unit in decided if unit.has_override)
