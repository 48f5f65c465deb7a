"""Forms of claims, entry edits and uploaded imports."""

from __future__ import annotations

import uuid
from pathlib import Path

from django import forms
from django.core.files.storage import default_storage
from django.urls import reverse

from maillage.core.form_tokens import OneTimeForm
from maillage.directory.enums import ExportFormat, FamilyDecision, ImportKind
from maillage.directory.models import Establishment, Theme
from maillage.directory.stewardship.editing import EDITABLE

LOGO_MAX_BYTES = 2 * 1024 * 1024
UPLOAD_KINDS = [
    (ImportKind.SIRENE_ESTABLISHMENTS.value, "SIRENE – établissements (CSV ou Parquet)"),
    (ImportKind.SIRENE_UNITS.value, "SIRENE – unités légales seules (CSV ou Parquet)"),
    (ImportKind.RNA.value, ImportKind.RNA.label),
    (ImportKind.GOGOCARTO.value, ImportKind.GOGOCARTO.label),
    (ImportKind.SPREADSHEET.value, ImportKind.SPREADSHEET.label),
]
EXTENSIONS = {".csv", ".gz", ".parquet", ".pq", ".json", ".txt"}


class ClaimForm(forms.Form):
    role = forms.CharField(label="Votre fonction dans la structure", max_length=200)
    message = forms.CharField(
        label="Message à l’équipe (facultatif)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class EntryForm(forms.ModelForm):
    website = forms.URLField(
        label="Site web", max_length=500, required=False, assume_scheme="https"
    )
    themes = forms.ModelMultipleChoiceField(
        Theme.objects.all(), required=False, widget=forms.CheckboxSelectMultiple, label="Thèmes"
    )
    logo = forms.ImageField(label="Logo (PNG, JPEG ou WebP, 2 Mo au plus)", required=False)

    class Meta:
        model = Establishment
        # The logo is stored apart (`wanted`): the model's file field never takes the upload.
        fields = [name for name in EDITABLE if name != "logo"]
        labels = {
            "street": "Adresse",
            "city_name": "Commune",
            "contacts_public": "Publier le courriel et le téléphone dans l’annuaire",
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "opening_hours": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Completion from the national address base (address-complete.js), when available.
        self.fields["street"].widget.attrs |= {
            "data-maillage-address": reverse("directory:address_suggestions"),
            "data-maillage-address-postcode": "#id_postcode",
            "data-maillage-address-city": "#id_city_name",
        }

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and logo.size > LOGO_MAX_BYTES:
            raise forms.ValidationError("Ce logo dépasse 2 Mo.")
        if logo and Path(logo.name).suffix.lower() not in {".png", ".jpg", ".jpeg", ".webp"}:
            raise forms.ValidationError("Le logo doit être une image PNG, JPEG ou WebP.")
        return logo

    def wanted(self) -> dict:
        """The values asked for, ready for `editing.propose_edit` or `staff_edit`."""
        data = {name: self.cleaned_data[name] for name in self.Meta.fields if name != "themes"}
        data["themes"] = sorted(theme.pk for theme in self.cleaned_data["themes"])
        logo = self.cleaned_data.get("logo")
        if logo:
            suffix = Path(logo.name).suffix.lower()
            data["logo"] = default_storage.save(f"directory/logos/{uuid.uuid4().hex}{suffix}", logo)
        return data


class ImportForm(OneTimeForm):
    kind = forms.ChoiceField(label="Source", choices=UPLOAD_KINDS)
    file = forms.FileField(label="Fichier")
    units = forms.FileField(
        label="Fichier des unités légales SIRENE (StockUniteLegale, facultatif)", required=False
    )

    def clean(self):
        cleaned = super().clean()
        for name in ("file", "units"):
            upload = cleaned.get(name)
            if upload and Path(upload.name).suffix.lower() not in EXTENSIONS:
                self.add_error(name, "Formats acceptés : CSV (éventuellement .gz), Parquet, JSON.")
        if cleaned.get("units") and cleaned.get("kind") != ImportKind.SIRENE_ESTABLISHMENTS:
            self.add_error("units", "Seul un import SIRENE prend un fichier d’unités légales.")
        return cleaned


class FamilyDecisionForm(forms.Form):
    family = forms.ChoiceField(label="Famille de l’ESS", choices=FamilyDecision.choices)
    reason = forms.CharField(
        label="Motif (relu aux prochains imports)",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ExportForm(OneTimeForm):
    """Staff's export of the entries a list's filters select."""

    file_format = forms.ChoiceField(
        label="Format", choices=ExportFormat.choices, widget=forms.RadioSelect
    )
    # The list's query string (« famille=cooperative&commune=35236 »), checked by the view.
    filters = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000)
