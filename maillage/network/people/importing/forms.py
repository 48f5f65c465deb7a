from __future__ import annotations

from django import forms

from maillage.network.people.enums import ImportField


class MappingForm(forms.Form):
    """One choice per column of the sheet: which address book field it fills."""

    def __init__(self, header: list[str], *args, initial_mapping=None, **kwargs):
        super().__init__(*args, **kwargs)
        for index, title in enumerate(header):
            self.fields[f"colonne_{index}"] = forms.ChoiceField(
                label=f"Colonne « {title} »",
                choices=ImportField.choices,
                required=False,
                initial=initial_mapping[index] if initial_mapping else "",
            )

    def clean(self):
        data = super().clean()
        chosen = [value for value in data.values() if value]
        twice = {value for value in chosen if chosen.count(value) > 1}
        if twice:
            labels = ", ".join(f"« {ImportField(value).label} »" for value in sorted(twice))
            raise forms.ValidationError(f"Chaque champ ne peut venir que d’une colonne : {labels}.")
        names = {ImportField.LAST_NAME, ImportField.FULL_NAME, ImportField.EMAIL, ImportField.SIRET}
        if not names & set(chosen):
            raise forms.ValidationError(
                "Associez au moins une colonne au nom, à l’adresse e-mail ou au SIRET."
            )
        return data

    def mapping(self) -> list[str]:
        return [self.cleaned_data[name] for name in self.fields]
