"""The staff's form for a reference figure: a figure published elsewhere, typed with its source."""

from django import forms

from maillage.observatory.models import ReferenceFigure

TWIN_FIGURE = "Ce chiffre (même zone, indicateur, année et publication) est déjà enregistré."


class ReferenceFigureForm(forms.ModelForm):
    url = forms.URLField(
        label="Adresse de la source", max_length=500, assume_scheme="https", required=False
    )

    class Meta:
        model = ReferenceFigure
        fields = [
            "indicator", "value", "unit", "area_name", "area_code", "perimeter", "data_year",
            "publication", "producer", "url", "remark",
        ]  # fmt: skip
        localized_fields = ["value"]
        help_texts = {
            "value": "Telle que la publication l’écrit : 3 042 ou 12,7.",
            "data_year": "L’année des données (2023), pas celle de la publication.",
        }
