"""Forms of the staff's funding pages; every label and message is French."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q

from maillage.core.form_tokens import EditOnce, OneTimeForm
from maillage.core.widgets import DateInput
from maillage.directory.models import LegalUnit
from maillage.network.people.forms import PersonChoiceField
from maillage.network.people.models import Person
from maillage.plan.indicators import all_indicators
from maillage.plan.pickers import ActionsField
from maillage.reports.funding import logos
from maillage.reports.funding.models import (
    AgreementIndicator,
    Application,
    Body,
    BudgetLine,
    Funder,
    Grant,
    Mandate,
    Redistribution,
    ReportDue,
)


def amount_field(label: str, required: bool = True) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=required,
        min_value=0,
        max_digits=12,
        decimal_places=2,
        localize=True,  # « 12 500,00 » as typed in French
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )


class LegalUnitField(forms.CharField):
    """The funder's directory entry typed as its SIREN or RNA number."""

    def __init__(self, **kwargs: Any):
        super().__init__(required=False, max_length=10, **kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, int):
            unit = LegalUnit.objects.filter(pk=value).first()
            return (unit.siren or unit.rna_id) if unit else ""
        return value

    def clean(self, value: Any) -> LegalUnit | None:
        key = (super().clean(value) or "").strip().upper()
        if not key:
            return None
        unit = LegalUnit.objects.filter(Q(siren=key) | Q(rna_id=key)).first()
        if unit is None:
            raise forms.ValidationError(f"Aucune structure de l’annuaire n’a le numéro {key}.")
        return unit


class LogoField(forms.ImageField):
    """An image Pillow reads (its content, not its name), PNG or JPEG, of bounded size."""

    default_error_messages = {
        "invalid_image": "Ce fichier n’est pas une image PNG ou JPEG lisible.",
    }

    def to_python(self, data: Any) -> Any:
        if data is not None and getattr(data, "size", 0) > logos.MAX_BYTES:
            raise forms.ValidationError("Ce logo dépasse 1 Mo.")
        checked = super().to_python(data)
        if checked is None:
            return None
        if checked.image.format not in logos.FORMATS:
            raise forms.ValidationError("Le logo doit être une image PNG ou JPEG.")
        width, height = checked.image.size
        if width * height > logos.MAX_PIXELS:
            raise forms.ValidationError("Ce logo est trop grand : 4 000 × 4 000 pixels au plus.")
        return checked


class FunderForm(forms.ModelForm):
    legal_unit = LegalUnitField(label="SIREN ou numéro RNA dans l’annuaire (facultatif)")
    new_logo = LogoField(
        label="Logo",
        required=False,
        help_text="Image PNG ou JPEG, 1 Mo au plus ; elle paraît dans les annexes du rapport "
        "d’activité. Un nouveau fichier remplace l’ancien.",
    )
    remove_logo = forms.BooleanField(label="Retirer le logo", required=False)

    class Meta:
        model = Funder
        fields = ["name", "kind", "siret", "legal_unit", "required_mention", "notes"]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 3}),
            "required_mention": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {"name": {"unique": "Un financeur porte déjà ce nom."}}

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if not self.instance.logo:
            del self.fields["remove_logo"]

    def save_logo(self) -> None:
        """Store the uploaded logo, or remove the former one; after the funder is saved."""
        funder, upload = self.instance, self.cleaned_data.get("new_logo")
        if upload is not None:
            logos.store_logo(funder, upload, upload.image.format)
        elif self.cleaned_data.get("remove_logo") and funder.logo:
            funder.logo.delete(save=True)


class ApplicationForm(EditOnce, forms.ModelForm):
    requested_amount = amount_field("Montant demandé en euros")

    class Meta:
        model = Application
        fields = ["funder", "title", "requested_amount", "submitted_on", "status", "notes"]
        widgets = {"submitted_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 3})}


class GrantForm(EditOnce, forms.ModelForm):
    amount = amount_field("Montant accordé en euros")
    actions = ActionsField(label="Actions du projet que la subvention finance")

    class Meta:
        model = Grant
        fields = [
            "funder", "application", "purpose", "reference", "amount", "nature",
            "agreement_on", "starts_on", "ends_on", "conditions", "eu_notified",
        ]  # fmt: skip
        widgets = {
            "agreement_on": DateInput(),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "conditions": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        free = Application.objects.filter(grant__isnull=True)
        if self.instance.pk is not None:
            free = free | Application.objects.filter(grant=self.instance)
        self.fields["application"].queryset = free.select_related("funder")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", "La fin de la période suit son début.")
        application = data.get("application")
        if application and data.get("funder") and application.funder_id != data["funder"].pk:
            self.add_error("application", "Cette demande a été faite à un autre financeur.")
        return data


class InstalmentForm(OneTimeForm):
    amount = amount_field("Montant du versement en euros")
    expected_on = forms.DateField(label="Attendu le", widget=DateInput())


class InstalmentEditForm(forms.Form):
    """An instalment changed after it was scheduled: its amount, its date, when it came."""

    amount = amount_field("Montant du versement en euros")
    expected_on = forms.DateField(label="Attendu le", widget=DateInput())
    received_on = forms.DateField(
        label="Reçu le (vide tant qu’il n’est pas reçu)", required=False, widget=DateInput()
    )


class ReceivedForm(forms.Form):
    received_on = forms.DateField(label="Reçu le", widget=DateInput())


class ReportDueForm(forms.ModelForm):
    class Meta:
        model = ReportDue
        fields = ["title", "due_on"]
        widgets = {"due_on": DateInput()}


class ReportSentForm(forms.Form):
    sent_on = forms.DateField(label="Remis le", widget=DateInput())


def _counted_indicators() -> list[tuple[str, str]]:
    return [("", "— non compté par la plateforme —")] + [
        (indicator.slug, indicator.label) for indicator in all_indicators()
    ]


class IndicatorForm(forms.ModelForm):
    indicator = forms.ChoiceField(
        label="Compté par la plateforme comme", required=False, choices=_counted_indicators
    )
    target = amount_field("Valeur visée (facultatif)", required=False)

    class Meta:
        model = AgreementIndicator
        fields = ["name", "indicator", "target"]


class BudgetLineForm(forms.ModelForm):
    planned = amount_field("Prévu, en euros")
    actual = amount_field("Réalisé, en euros (vide tant qu’il n’est pas connu)", required=False)

    class Meta:
        model = BudgetLine
        fields = ["side", "label", "planned", "actual", "explanation"]
        widgets = {"explanation": forms.Textarea(attrs={"rows": 2})}


class QualitativeReportForm(forms.ModelForm):
    class Meta:
        model = Grant
        fields = ["qualitative_report"]
        widgets = {"qualitative_report": forms.Textarea(attrs={"rows": 10})}


class BodyForm(forms.ModelForm):
    class Meta:
        model = Body
        fields = ["name", "kind"]
        error_messages = {"name": {"unique": "Une instance porte déjà ce nom."}}


class MandateForm(EditOnce, forms.ModelForm):
    person = PersonChoiceField(
        label="Représentant ou représentante (carnet d’adresses)",
        queryset=Person.objects.active().order_by("last_name", "first_name"),
    )

    class Meta:
        model = Mandate
        fields = ["body", "person", "role", "starts_on", "ends_on"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", "La fin du mandat suit son début.")
        return data


class MandateReportForm(OneTimeForm):
    held_on = forms.DateField(label="Date de la réunion de l’instance", widget=DateInput())
    text = forms.CharField(
        label="Compte rendu au pôle", widget=forms.Textarea(attrs={"rows": 8}), max_length=20000
    )


class RedistributionForm(OneTimeForm, forms.ModelForm):
    prefix = "part"  # beside the schedule's form on the grant's page: ids stay unique
    amount = amount_field("Montant redistribué en euros")

    class Meta:
        model = Redistribution
        fields = [
            "beneficiary_name",
            "siret",
            "rna_id",
            "purpose",
            "amount",
            "agreement_on",
            "paid_on",
        ]
        widgets = {"agreement_on": DateInput(), "paid_on": DateInput()}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not (data.get("siret") or data.get("rna_id")) and not self.has_error("siret"):
            self.add_error("siret", "Indiquez le SIRET ou le numéro RNA du bénéficiaire.")
        return data


class ExpensesForm(forms.Form):
    """The year's expenses of each plan action: one amount per action, blank for none."""

    def __init__(self, *args: Any, actions: list[Any], initial_amounts: dict[int, Any], **kwargs):
        super().__init__(*args, **kwargs)
        for action in actions:
            field = amount_field(f"Action {action.code} : {action.title} (€)", required=False)
            field.initial = initial_amounts.get(action.pk)
            field.error_messages |= {
                "invalid": "Saisissez un montant, par exemple 12 500 ou 980,50.",
                "min_value": "Une dépense ne peut pas être négative.",
                "max_decimal_places": "Deux décimales au plus.",
                "max_digits": "Ce montant est trop grand.",
            }
            self.fields[self.name_of(action.pk)] = field

    @staticmethod
    def name_of(action_pk: int) -> str:
        return f"action_{action_pk}"

    def amounts(self) -> dict[int, Any]:
        return {
            int(name.removeprefix("action_")): value for name, value in self.cleaned_data.items()
        }
