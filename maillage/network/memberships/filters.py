"""The staff list's filters, read from the query string; a bad value is refused, never ignored."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import QueryDict

from maillage.network.memberships.enums import MembershipStatus
from maillage.network.memberships.models import College, MembershipQuerySet

YEAR_MIN, YEAR_MAX = 2000, 2100


class BadFilter(ValueError):
    """A filter value the list does not know; the message is shown to the person."""


@dataclass(frozen=True)
class MembershipFilters:
    year: int | None = None
    college: College | None = None
    status: str = ""
    category: str = ""

    def apply(self, memberships: MembershipQuerySet) -> MembershipQuerySet:
        if self.year is not None:
            memberships = memberships.of_year(self.year)
        if self.college is not None:
            memberships = memberships.filter(college=self.college)
        if self.status:
            memberships = memberships.filter(status=self.status)
        if self.category:
            memberships = memberships.filter(category=self.category)
        return memberships


def _single(query: QueryDict, name: str) -> str:
    values = query.getlist(name)
    if len(values) > 1:
        raise BadFilter(f"Le filtre « {name} » ne peut avoir qu’une valeur.")
    value = (values[0] if values else "").strip()
    if len(value) > 100:
        raise BadFilter(f"La valeur du filtre « {name} » est trop longue.")
    return value


def parse_filters(query: QueryDict) -> MembershipFilters:
    year_text = _single(query, "annee")
    year = None
    if year_text:
        if not year_text.isdigit() or not YEAR_MIN <= int(year_text) <= YEAR_MAX:
            raise BadFilter("L’année doit être un nombre comme 2026.")
        year = int(year_text)
    college_slug = _single(query, "college")
    college = None
    if college_slug:
        college = College.objects.filter(slug=college_slug).first()
        if college is None:
            raise BadFilter("Ce collège n’existe pas.")
    status = _single(query, "statut")
    if status and status not in MembershipStatus.values:
        raise BadFilter("Ce statut d’adhésion n’existe pas.")
    category = _single(query, "categorie")
    return MembershipFilters(year=year, college=college, status=status, category=category)
