from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.text import slugify

from maillage.core.form_tokens import OneTimeForm
from maillage.directory.models import LegalUnit
from maillage.network.people.enums import ConsentMethod, ConsentPurpose
from maillage.network.people.importing.reading import MAX_BYTES
from maillage.network.people.models import Affiliation, Interaction, Person, Tag
from maillage.network.people.organisations import find_legal_unit

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
UNIT_HELP = "SIRET, SIREN, ou nom exact de la structure dans l’annuaire."


class PersonChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A person of the address book, told apart from a namesake by the e-mail address."""

    def label_from_instance(self, obj: Person) -> str:  # type: ignore[override]
        return f"{obj} ({obj.email})" if obj.email else str(obj)


class OrganisationField(forms.CharField):
    """A directory organisation typed as a SIRET, a SIREN or its exact name."""

    def __init__(self, **kwargs):
        super().__init__(max_length=300, help_text=UNIT_HELP, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, int):
            value = LegalUnit.objects.filter(pk=value).first()
        if isinstance(value, LegalUnit):
            return value.siren or value.name
        return value

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        unit = find_legal_unit(text)
        if unit is None:
            raise forms.ValidationError(
                "Aucune structure de l’annuaire ne correspond (ou plusieurs portent ce nom) : "
                "indiquez son SIRET ou son SIREN."
            )
        return unit


class PersonForm(OneTimeForm, forms.ModelForm):
    new_tags = forms.CharField(
        label="Nouvelles étiquettes",
        required=False,
        max_length=300,
        help_text="Séparées par des virgules, par exemple : élus, finances solidaires.",
    )

    class Meta:
        model = Person
        fields = ["first_name", "last_name", "email", "phone", "tags", "notes"]
        widgets = {"tags": forms.CheckboxSelectMultiple, "notes": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["submission"]  # an edit sent twice saves the same values twice

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        twins = Person.objects.filter(email__iexact=email).exclude(pk=self.instance.pk)
        if email and twins.exists():
            raise forms.ValidationError("Une autre fiche du carnet a déjà cette adresse e-mail.")
        return email

    def clean_new_tags(self):
        names = [name.strip() for name in self.cleaned_data["new_tags"].split(",")]
        names = [name[:60] for name in names if name]
        if any(not slugify(name) for name in names):
            raise forms.ValidationError("Une étiquette doit contenir au moins une lettre.")
        return names

    def save(self, commit=True):
        person = super().save(commit)
        for name in self.cleaned_data["new_tags"]:
            tag = Tag.objects.filter(slug=slugify(name)[:60]).first()
            tag = (
                tag
                or Tag.objects.get_or_create(name=name, defaults={"slug": slugify(name)[:60]})[0]
            )
            person.tags.add(tag)
        return person


class AffiliationForm(forms.ModelForm):
    legal_unit = OrganisationField(label="Structure")

    class Meta:
        model = Affiliation
        fields = ["legal_unit", "role", "since", "until"]
        widgets = {"since": DATE, "until": DATE}

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            self.add_error("until", "La fin doit venir après le début.")
        twins = Affiliation.objects.filter(
            person=self.instance.person, legal_unit=data.get("legal_unit"), role=data.get("role")
        ).exclude(pk=self.instance.pk)
        if twins.exists():
            raise forms.ValidationError("Cette personne a déjà ce rôle dans cette structure.")
        return data


class InteractionForm(OneTimeForm, forms.ModelForm):
    legal_unit = OrganisationField(label="Structure concernée (facultatif)", required=False)

    class Meta:
        model = Interaction
        fields = ["occurred_on", "channel", "subject", "legal_unit", "notes"]
        widgets = {"occurred_on": DATE, "notes": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["submission"]  # an edit sent twice saves the same values twice

    def clean_occurred_on(self):
        day = self.cleaned_data["occurred_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("Un échange ne peut pas être noté à une date future.")
        return day


class ConsentForm(forms.Form):
    purpose = forms.ChoiceField(label="Finalité", choices=ConsentPurpose.choices)
    given = forms.TypedChoiceField(
        label="Réponse",
        choices=[("oui", "Accordé"), ("non", "Retiré ou refusé")],
        coerce=lambda value: value == "oui",
    )
    method = forms.ChoiceField(label="Recueilli par", choices=ConsentMethod.choices)
    note = forms.CharField(label="Précision (facultatif)", max_length=300, required=False)


class MyConsentForm(forms.Form):
    purpose = forms.ChoiceField(choices=ConsentPurpose.choices)
    given = forms.TypedChoiceField(
        choices=[("oui", "oui"), ("non", "non")], coerce=lambda value: value == "oui"
    )


class UploadForm(OneTimeForm):
    sheet = forms.FileField(
        label="Fichier de contacts",
        help_text="CSV (séparé par des points-virgules ou des virgules) ou Excel (.xlsx), "
        "avec une ligne d’en-tête ; 5 Mo au plus.",
    )

    def clean_sheet(self):
        """What can be told without reading the file; the task worker reads it."""
        sheet = self.cleaned_data["sheet"]
        if not sheet.name.lower().endswith((".csv", ".txt", ".xlsx")):
            raise forms.ValidationError(
                "Format non pris en charge : déposez un fichier .csv ou .xlsx."
            )
        if sheet.size > MAX_BYTES:
            raise forms.ValidationError(
                "Le fichier dépasse 5 Mo : découpez-le en plusieurs fichiers."
            )
        return sheet
