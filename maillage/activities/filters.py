"""The agenda's filters, read from the query string by a form; a bad value is refused, never
ignored."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.http import QueryDict

from maillage.activities.enums import ActivityKind
from maillage.activities.models import ActivityQuerySet
from maillage.core.filter_forms import FilterForm, one_of, row_of
from maillage.plan.models import OperationalObjective, StrategicObjective, TargetPublic
from maillage.territory.models import Commune

PARAMETERS = ("type", "public", "commune", "objectif")


@dataclass(frozen=True)
class AgendaFilters:
    kind: str = ""
    public: TargetPublic | None = None
    commune: Commune | None = None
    objective: str = ""

    def apply(self, activities: ActivityQuerySet) -> ActivityQuerySet:
        if self.kind:
            activities = activities.of_kind(self.kind)
        if self.public is not None:
            activities = activities.for_public(self.public)
        if self.commune is not None:
            activities = activities.in_commune(self.commune)
        if self.objective:
            activities = activities.serving_objective(self.objective)
        return activities

    @property
    def active(self) -> bool:
        return bool(self.kind or self.public or self.commune or self.objective)


class AgendaFilterForm(FilterForm):
    type = one_of("Type", [("", "Tous"), *ActivityKind.choices], "Ce type d’activité n’existe pas.")
    public = row_of(
        "Public",
        TargetPublic.objects.active(),
        "slug",
        "Ce public n’existe pas dans le projet du pôle.",
        "Tous",
    )
    commune = row_of(
        "Commune",
        Commune.objects.all(),
        "code",
        "Cette commune est inconnue (attendu : son code INSEE).",
        "Toutes",
    )
    objectif = forms.CharField(label="Objectif", required=False)

    def clean_objectif(self) -> str:
        code = self.cleaned_data["objectif"].strip()
        if code and not (
            StrategicObjective.objects.filter(code=code).exists()
            or OperationalObjective.objects.filter(code=code).exists()
        ):
            raise forms.ValidationError("Cet objectif n’existe pas dans le projet du pôle.")
        return code


def parse_filters(query: QueryDict) -> AgendaFilters:
    """The agenda's filters; FilterRefused on any bad value."""
    data = AgendaFilterForm(query).read()
    return AgendaFilters(
        kind=data["type"],
        public=data["public"],
        commune=data["commune"],
        objective=data["objectif"],
    )
