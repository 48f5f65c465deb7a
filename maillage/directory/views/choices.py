"""Options of the directory's filter form, each marked selected from the current filters."""

from __future__ import annotations

from typing import Any

from maillage.core.collation import by_name
from maillage.directory.enums import DirectoryOrder, EssFamily, SizeGroup
from maillage.directory.filters import DirectoryFilters
from maillage.directory.nomenclatures import employee_brackets, naf_divisions, naf_sections
from maillage.territory.models import Commune, Epci, Territory


def _options(pairs, selected) -> list[dict[str, Any]]:
    return [
        {"value": value, "label": label, "selected": value in selected} for value, label in pairs
    ]


def _orders(filters: DirectoryFilters) -> list[tuple[str, str]]:
    """With a search, the default order is relevance (`DirectoryFilters.apply`)."""
    if not filters.query_words:
        return DirectoryOrder.choices
    relevance = "Pertinence (les noms d’abord)"
    return [
        (value, relevance if value == DirectoryOrder.NAME else label)
        for value, label in DirectoryOrder.choices
    ]


def filter_choices(filters: DirectoryFilters, territory: Territory | None) -> dict[str, Any]:
    communes = Commune.objects.none()
    if territory is not None:
        communes = Commune.objects.in_territory(territory).order_by(by_name(), "code")
    epcis = Epci.objects.filter(communes__in=communes).distinct().order_by(by_name(), "code")
    groups = [
        ("section", "Secteur d’activité", sorted(naf_sections().items()), filters.sections),
        ("commune", "Commune", communes.values_list("code", "name"), filters.communes),
        ("taille", "Taille", SizeGroup.choices, filters.sizes),
    ]
    # Reached from an observatory count: shown ticked, so that the list says what it holds.
    divisions, brackets = naf_divisions(), employee_brackets()
    if filters.divisions:
        pairs = [(code, f"{code} – {divisions[code]}") for code in filters.divisions]
        groups.append(("division", "Division d’activité (NAF)", pairs, filters.divisions))
    if filters.brackets:
        pairs = [(code, brackets[code].label) for code in filters.brackets]
        groups.append(("tranche", "Tranche d’effectif SIRENE", pairs, filters.brackets))
    return {
        "family_options": _options(EssFamily.choices, filters.families),
        # Filters where several values may be ticked, each shown as a group of checkboxes.
        "filter_groups": [
            {
                "name": name,
                "label": label,
                "options": _options(pairs, selected),
                "chosen": len(selected),
            }
            for name, label, pairs, selected in groups
        ],
        "epci_options": _options(epcis.values_list("code", "name"), [filters.epci]),
        "order_options": _options(_orders(filters), [filters.order]),
    }
