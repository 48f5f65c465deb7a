"""The staff's form of a seat on the board; every label and message is French."""

from __future__ import annotations

from typing import Any

from django import forms

from maillage.core.form_tokens import EditOnce
from maillage.core.widgets import DateInput
from maillage.network.memberships.models import BoardSeat
from maillage.network.people.forms import PersonChoiceField
from maillage.network.people.models import Person


class BoardSeatForm(EditOnce, forms.ModelForm):  # type: ignore[type-arg]
    """Created once however often it is sent (one-time token); an edit drops the token."""

    person = PersonChoiceField(
        label="Membre du conseil (carnet d’adresses)",
        queryset=Person.objects.active().order_by("last_name", "first_name"),
    )

    class Meta:
        model = BoardSeat
        fields = ["person", "role", "college", "starts_on", "ends_on"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}
        help_texts = {
            "role": "Président·e, vice-président·e, trésorier·e et secrétaire forment le bureau.",
            "college": "Le collège qui l’a élu·e, selon les statuts.",
            "ends_on": "À remplir quand la personne quitte le conseil ou change de fonction.",
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", "La fin du mandat au conseil suit son début.")
        return data
