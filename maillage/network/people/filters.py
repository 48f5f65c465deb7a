"""The address book's search, filters and sort, read from the query string.

A bad value is refused with a French message (the view answers 400), never silently ignored.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.http import QueryDict

from maillage.core.collation import by_name
from maillage.directory.models import LegalUnit
from maillage.network.people.enums import AffiliationRole, ConsentPurpose
from maillage.network.people.models import Consent, Person, PersonQuerySet, Tag

SORTS = {
    "nom": (by_name("last_name"), by_name("first_name"), "pk"),
    "-nom": (by_name("last_name").desc(), by_name("first_name").desc(), "-pk"),
    "recent": ("-last_active_at", "pk"),
    "ancien": ("last_active_at", "pk"),
    "ajout": ("-created_at", "-pk"),
}
SORT_LABELS = {
    "nom": "Nom, de A à Z",
    "-nom": "Nom, de Z à A",
    "recent": "Dernier échange, le plus récent d’abord",
    "ancien": "Dernier échange, le plus ancien d’abord",
    "ajout": "Ajout au carnet, le plus récent d’abord",
}
PARAMETERS = ("q", "structure", "role", "etiquette", "consentement", "tri")


class BadFilter(ValueError):
    """A filter value the address book does not know; the message is shown to staff."""


@dataclass(frozen=True)
class BookFilters:
    query: str = ""
    organisation: LegalUnit | None = None
    role: str = ""
    tag: Tag | None = None
    consent: str = ""
    sort: str = "nom"

    def apply(self, people: PersonQuerySet) -> PersonQuerySet:
        if self.query:
            people = people.matching(self.query)
        if self.organisation is not None:
            people = people.in_organisation(self.organisation.pk)
        if self.role:
            people = people.with_role(self.role)
        if self.tag is not None:
            people = people.tagged(self.tag)
        if self.consent:
            given = Consent.objects.current().filter(
                person=OuterRef("pk"), purpose=self.consent, given=True
            )
            people = people.filter(Exists(given))
        return people.order_by(*SORTS[self.sort])

    @property
    def active(self) -> bool:
        return bool(self.query or self.organisation or self.role or self.tag or self.consent)


def _single(query: QueryDict, name: str, longest: int = 100) -> str:
    values = query.getlist(name)
    if len(values) > 1:
        raise BadFilter(f"Le paramètre « {name} » ne peut avoir qu’une valeur.")
    value = (values[0] if values else "").strip()
    if len(value) > longest:
        raise BadFilter(f"La valeur du paramètre « {name} » est trop longue.")
    return value


def _organisation(value: str) -> LegalUnit | None:
    if not value:
        return None
    if not value.isdigit():
        raise BadFilter("La structure est donnée par son numéro dans l’annuaire.")
    unit = LegalUnit.objects.filter(pk=int(value)).first()
    if unit is None:
        raise BadFilter("Cette structure n’existe pas dans l’annuaire.")
    return unit


def _choice(value: str, allowed, message: str) -> str:
    if value and value not in allowed:
        raise BadFilter(message)
    return value


def parse_filters(query: QueryDict) -> BookFilters:
    tag_slug = _single(query, "etiquette")
    tag = Tag.objects.filter(slug=tag_slug).first() if tag_slug else None
    if tag_slug and tag is None:
        raise BadFilter("Cette étiquette n’existe pas.")
    return BookFilters(
        query=_single(query, "q"),
        organisation=_organisation(_single(query, "structure", 12)),
        role=_choice(_single(query, "role"), AffiliationRole.values, "Ce rôle n’existe pas."),
        tag=tag,
        consent=_choice(
            _single(query, "consentement"),
            ConsentPurpose.values,
            "Ce consentement n’existe pas.",
        ),
        sort=_choice(_single(query, "tri"), SORTS, "Ce tri n’existe pas.") or "nom",
    )


def people_for(filters: BookFilters) -> PersonQuerySet:
    return filters.apply(Person.objects.active())
