"""The staff list's filters, read from the query string as a form; a bad value is refused,
never ignored."""

from __future__ import annotations

from django import forms

from maillage.core.filter_forms import FilterForm, one_of, row_of
from maillage.network.memberships.enums import MembershipStatus
from maillage.network.memberships.models import College, MembershipQuerySet

YEAR_MIN, YEAR_MAX = 2000, 2100


class MembershipFilterForm(FilterForm):
    annee = forms.IntegerField(
        label="Année",
        min_value=YEAR_MIN,
        max_value=YEAR_MAX,
        required=False,
        error_messages={
            "invalid": "L’année doit être un nombre comme 2026.",
            "min_value": "L’année doit être un nombre comme 2026.",
            "max_value": "L’année doit être un nombre comme 2026.",
        },
    )
    college = row_of("Collège", College.objects.all(), "slug", "Ce collège n’existe pas.", "Tous")
    statut = one_of(
        "Statut",
        [("", "Tous"), *MembershipStatus.choices],
        "Ce statut d’adhésion n’existe pas.",
    )
    categorie = forms.CharField(label="Catégorie", required=False)

    @property
    def selects(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.values())

    def apply(self, memberships: MembershipQuerySet) -> MembershipQuerySet:
        data = self.cleaned_data
        if data["annee"] is not None:
            memberships = memberships.of_year(data["annee"])
        if data["college"] is not None:
            memberships = memberships.filter(college=data["college"])
        if data["statut"]:
            memberships = memberships.filter(status=data["statut"])
        if data["categorie"]:
            memberships = memberships.filter(category=data["categorie"].strip())
        return memberships
