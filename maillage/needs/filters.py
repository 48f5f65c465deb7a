"""The list's and the map's filters, read from the query string as a form; a bad value is
refused, never ignored."""

from __future__ import annotations

from typing import Any

from maillage.core.filter_forms import FilterForm, one_of, row_of
from maillage.needs.enums import NeedStatus
from maillage.needs.models import Need, NeedQuerySet, Theme
from maillage.plan.links import records_for_public
from maillage.plan.models import TargetPublic
from maillage.territory.models import Commune


class NeedFilterForm(FilterForm):
    theme = row_of("Thème", Theme.objects.all(), "slug", "Ce thème n’existe pas.", "Tous")
    commune = row_of(
        "Commune", Commune.objects.all(), "code", "Cette commune n’existe pas.", "Toutes"
    )
    statut = one_of("Étape", [("", "Toutes"), *NeedStatus.choices], "Cette étape n’existe pas.")
    public = row_of(
        "Public concerné", TargetPublic.objects.all(), "slug", "Ce public n’existe pas.", "Tous"
    )

    def apply(self, needs: NeedQuerySet) -> NeedQuerySet:
        data: dict[str, Any] = self.read()
        if data["theme"] is not None:
            needs = needs.filter(themes=data["theme"])
        if data["commune"] is not None:
            needs = needs.filter(communes=data["commune"])
        if data["statut"]:
            needs = needs.filter(status=data["statut"])
        if data["public"] is not None:
            needs = needs.filter(pk__in=records_for_public(data["public"], Need).values("pk"))
        return needs.distinct()

    @property
    def selects(self) -> bool:
        return self.is_valid() and any(value for value in self.cleaned_data.values())
