from __future__ import annotations

from django import forms
from django.utils import timezone

from maillage.core.french import euros
from maillage.directory.models import LegalUnit
from maillage.network.memberships.enums import MemberKind, MembershipStatus, PaymentMethod
from maillage.network.memberships.models import DuesRate, Membership
from maillage.network.people.models import Person

YEAR_MIN, YEAR_MAX = 2000, 2100


class RateChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, rate: DuesRate) -> str:
        return f"{rate.college.name} – {rate.name} ({euros(rate.amount)})"


def _amount_field(label: str, required: bool) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=required,
        min_value=0,
        max_digits=9,
        decimal_places=2,
        localize=True,  # « 50,00 » as typed in French
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )


class MembershipForm(forms.Form):
    year = forms.IntegerField(label="Année", min_value=YEAR_MIN, max_value=YEAR_MAX)
    rate = RateChoiceField(
        label="Collège et catégorie",
        queryset=DuesRate.objects.none(),
        empty_label="— choisir —",
    )
    dues_amount = _amount_field(
        "Cotisation en euros (laisser vide pour la cotisation prévue par la catégorie)", False
    )
    kind = MemberKind.ORGANISATION

    def __init__(self, *args, kind: MemberKind | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind or self.kind
        self.fields["rate"].queryset = DuesRate.objects.select_related("college").filter(
            college__member_kind=self.kind
        )
        self.fields["year"].initial = timezone.localdate().year


class OrganisationMembershipForm(MembershipForm):
    legal_unit = forms.ModelChoiceField(
        label="Structure adhérente", queryset=LegalUnit.objects.all(), empty_label="— choisir —"
    )
    field_order = ["legal_unit", "year", "rate", "dues_amount"]

    def offer(self, units) -> None:
        """List only these organisations (the search's matches) in the select, so that the page
        stays small with a national directory; any organisation id still validates."""
        self.fields["legal_unit"].widget.choices = [("", "— choisir —")] + [
            (unit.pk, f"{unit.name} ({unit.siren or unit.rna_id or 'sans SIREN'})")
            for unit in units
        ]


class PersonMembershipForm(MembershipForm):
    person = forms.ModelChoiceField(
        label="Personne adhérente", queryset=Person.objects.active(), empty_label="— choisir —"
    )
    field_order = ["person", "year", "rate", "dues_amount"]
    kind = MemberKind.PERSON

    def offer(self, people) -> None:
        self.fields["person"].widget.choices = [("", "— choisir —")] + [
            (person.pk, f"{person} ({person.email or 'sans adresse'})") for person in people
        ]


def edit_form_for(membership: Membership, data=None) -> MembershipForm:
    kind = MemberKind.PERSON if membership.person_id else MemberKind.ORGANISATION
    rate = DuesRate.objects.filter(college=membership.college, name=membership.category).first()
    initial = {"year": membership.year, "rate": rate, "dues_amount": membership.dues_amount}
    return MembershipForm(data, initial=initial, kind=kind)


class PaymentForm(forms.Form):
    amount = _amount_field("Montant reçu en euros", True)
    paid_on = forms.DateField(
        label="Date du paiement",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    method = forms.ChoiceField(label="Moyen de paiement", choices=PaymentMethod.choices)

    def clean_paid_on(self):
        paid_on = self.cleaned_data["paid_on"]
        if paid_on > timezone.localdate():
            raise forms.ValidationError("La date du paiement ne peut pas être dans le futur.")
        return paid_on


class StatusForm(forms.Form):
    status = forms.ChoiceField(label="Nouveau statut", choices=MembershipStatus.choices)
