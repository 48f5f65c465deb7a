"""The forms of joining: the public request, and the staff's accept and refuse forms."""

from __future__ import annotations

from typing import Any

from django import forms

from maillage.core.form_tokens import OneTimeForm
from maillage.directory.models import LegalUnit
from maillage.network.memberships.enums import MemberKind
from maillage.network.memberships.forms import RateChoiceField
from maillage.network.memberships.joining import CONSENT
from maillage.network.memberships.models import DuesRate

# The honeypot: hidden from people by the stylesheet, filled in by form-filling robots.
HONEYPOT = "site_internet"


class JoinRequestForm(OneTimeForm):
    kind = forms.ChoiceField(
        label="Vous adhérez",
        choices=[
            (MemberKind.ORGANISATION, "au nom d’une structure"),
            (MemberKind.PERSON, "à titre personnel"),
        ],
        widget=forms.RadioSelect,
    )
    rate = RateChoiceField(
        label="Collège et cotisation annuelle",
        queryset=DuesRate.objects.select_related("college"),
        empty_label="— choisir —",
    )
    organisation_name = forms.CharField(label="Nom de la structure", max_length=200, required=False)
    siren = forms.CharField(label="SIREN ou numéro RNA (facultatif)", max_length=20, required=False)
    first_name = forms.CharField(label="Prénom", max_length=100)
    last_name = forms.CharField(label="Nom", max_length=100)
    email = forms.EmailField(label="Adresse e-mail", max_length=254)
    phone = forms.CharField(label="Téléphone (facultatif)", max_length=30, required=False)
    message = forms.CharField(
        label="Un mot pour l’équipe (facultatif)",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    consent = forms.BooleanField(label=CONSENT.text)
    site_internet = forms.CharField(label="Ne pas remplir ce champ", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        autocomplete = {
            "first_name": "given-name",
            "last_name": "family-name",
            "email": "email",
            "phone": "tel",
            "organisation_name": "organization",
        }
        for name, value in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value
        self.fields[HONEYPOT].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

    @property
    def is_robot(self) -> bool:
        return bool(self.data.get(HONEYPOT))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        rate, kind = data.get("rate"), data.get("kind")
        if rate is not None and kind and rate.college.member_kind != kind:
            who = (
                "des personnes"
                if rate.college.member_kind == MemberKind.PERSON
                else "des structures"
            )
            self.add_error(
                "rate", f"« {rate.college.name} » accueille {who} : choisissez-en un autre."
            )
        if kind == MemberKind.ORGANISATION and not data.get("organisation_name", "").strip():
            self.add_error("organisation_name", "Donnez le nom de la structure qui adhère.")
        return data

    def request_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        fields = ("kind", "rate", "siren", "first_name", "last_name", "email", "phone", "message")
        values = {name: data[name] for name in fields}
        values["email"] = values["email"].lower()
        is_organisation = data["kind"] == MemberKind.ORGANISATION
        values["organisation_name"] = data["organisation_name"].strip() if is_organisation else ""
        values["siren"] = values["siren"] if is_organisation else ""
        return values


class AcceptForm(forms.Form):
    legal_unit = forms.ModelChoiceField(
        label="Structure de l’annuaire qui adhère",
        queryset=LegalUnit.objects.all(),
        empty_label="— choisir —",
        required=False,
    )

    def __init__(self, *args: Any, units: Any = (), **kwargs: Any) -> None:
        """Only `units` (the search's matches) are listed, so the page stays small with a
        national directory; any organisation's id still validates."""
        super().__init__(*args, **kwargs)
        self.fields["legal_unit"].widget.choices = [("", "— choisir —")] + [
            (unit.pk, f"{unit.name} ({unit.siren or unit.rna_id or 'sans SIREN'})")
            for unit in units
        ]


class RefuseForm(forms.Form):
    reason = forms.CharField(
        label="Motif du refus (envoyé à la personne)",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
