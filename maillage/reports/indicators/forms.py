"""The targets of one action for one year: one field per targetable indicator."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from maillage.reports.indicators.achievements import Line


class TargetsForm(forms.Form):
    def __init__(self, *args: Any, lines: dict[str, Line], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for slug, line in lines.items():
            self.fields[slug] = forms.DecimalField(
                label=f"{line.label} ({line.unit})",
                required=False,
                min_value=Decimal(0),
                max_digits=10,
                decimal_places=1,
                localize=True,
                initial=line.target,
                help_text=f"Réalisé à ce jour : {line.achieved_text}. Vide : pas de cible.",
                error_messages={
                    "invalid": "Saisissez un nombre, par exemple 12 ou 7,5.",
                    "min_value": "Une cible ne peut pas être négative.",
                    "max_decimal_places": "Une décimale au plus.",
                    "max_digits": "Ce nombre est trop grand.",
                },
            )

    def values(self) -> dict[str, Decimal | None]:
        return {slug: self.cleaned_data.get(slug) for slug in self.fields}
