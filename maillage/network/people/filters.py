"""The address book's search, filters, sort and page, read from the query string by a
`core.filter_forms` form: a bad value is refused in French (the view answers 400), never
silently ignored."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.db.models import Exists, OuterRef

from maillage.core.collation import by_name
from maillage.core.filter_forms import FilterForm, one_of, row_of
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


class BookFilterForm(FilterForm):
    q = forms.CharField(label="Recherche", required=False)
    structure = forms.CharField(label="Structure", required=False)
    role = one_of("Rôle", AffiliationRole.choices, "Ce rôle n’existe pas.")
    etiquette = row_of(
        "Étiquette", Tag.objects.all(), "slug", "Cette étiquette n’existe pas.", "Toutes"
    )
    consentement = one_of("Consentement", ConsentPurpose.choices, "Ce consentement n’existe pas.")
    tri = one_of("Tri", SORT_LABELS.items(), "Ce tri n’existe pas.")
    page = forms.IntegerField(
        label="Page",
        min_value=1,
        required=False,
        error_messages={
            "invalid": "Le numéro de page doit être un nombre entier positif.",
            "min_value": "Le numéro de page doit être un nombre entier positif.",
        },
    )

    def clean_structure(self) -> LegalUnit | None:
        value = self.cleaned_data["structure"]
        if not value:
            return None
        if not value.isdigit() or len(value) > 12:
            raise forms.ValidationError("La structure est donnée par son numéro dans l’annuaire.")
        unit = LegalUnit.objects.filter(pk=int(value)).first()
        if unit is None:
            raise forms.ValidationError("Cette structure n’existe pas dans l’annuaire.")
        return unit

    def filters(self) -> BookFilters:
        """The book's filters; FilterRefused on any bad value."""
        data = self.read()
        return BookFilters(
            query=data["q"],
            organisation=data["structure"],
            role=data["role"],
            tag=data["etiquette"],
            consent=data["consentement"],
            sort=data["tri"] or "nom",
        )


def people_for(filters: BookFilters) -> PersonQuerySet:
    return filters.apply(Person.objects.active())
