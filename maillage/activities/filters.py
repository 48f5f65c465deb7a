"""The agenda's filters, read from the query string; a bad value is refused, never ignored."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import QueryDict

from maillage.activities.enums import ActivityKind
from maillage.activities.models import ActivityQuerySet
from maillage.plan.models import OperationalObjective, StrategicObjective, TargetPublic
from maillage.territory.models import Commune

PARAMETERS = ("type", "public", "commune", "objectif")


class BadFilter(ValueError):
    """A filter value the agenda does not know; the message is shown to the visitor."""


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


def _single(query: QueryDict, name: str) -> str:
    values = query.getlist(name)
    if len(values) > 1:
        raise BadFilter(f"Le filtre « {name} » ne peut avoir qu’une valeur.")
    value = (values[0] if values else "").strip()
    if len(value) > 100:
        raise BadFilter(f"La valeur du filtre « {name} » est trop longue.")
    return value


def parse_filters(query: QueryDict) -> AgendaFilters:
    kind = _single(query, "type")
    if kind and kind not in ActivityKind.values:
        raise BadFilter("Ce type d’activité n’existe pas.")
    public_slug = _single(query, "public")
    public = None
    if public_slug:
        public = TargetPublic.objects.active().filter(slug=public_slug).first()
        if public is None:
            raise BadFilter("Ce public n’existe pas dans le projet du pôle.")
    commune_code = _single(query, "commune")
    commune = None
    if commune_code:
        commune = Commune.objects.filter(code=commune_code).first()
        if commune is None:
            raise BadFilter("Cette commune est inconnue (attendu : son code INSEE).")
    objective = _single(query, "objectif")
    if objective and not (
        StrategicObjective.objects.filter(code=objective).exists()
        or OperationalObjective.objects.filter(code=objective).exists()
    ):
        raise BadFilter("Cet objectif n’existe pas dans le projet du pôle.")
    return AgendaFilters(kind=kind, public=public, commune=commune, objective=objective)
