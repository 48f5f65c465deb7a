"""The staff's form of a seat on the board; every label and message is French."""

from __future__ import annotations

from typing import Any

from django import forms

from maillage.core.form_tokens import OneTimeForm
from maillage.network.memberships.models import BoardSeat
from maillage.network.people.models import Person


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class BoardMemberField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj} ({obj.email})" if obj.email else str(obj)


class BoardSeatForm(OneTimeForm, forms.ModelForm):  # type: ignore[type-arg]
    """Created once however often it is sent (one-time token); an edit drops the token."""

    person = BoardMemberField(
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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            del self.fields["submission"]  # an edit sent twice saves the same values twice

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", "La fin du mandat au conseil suit son début.")
        return data
