"""Forms of the staff pages and of the partner space. Every error message is French."""

from __future__ import annotations

import re
from pathlib import PurePath

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone

from maillage.accounts.enums import Role
from maillage.core.collation import sorted_by_name
from maillage.core.filter_forms import FilterForm, row_of
from maillage.core.form_tokens import OneTimeForm
from maillage.core.text import fold
from maillage.core.widgets import DateInput
from maillage.directory.models import LegalUnit
from maillage.directory.nomenclatures import naf_sections
from maillage.network.people.models import Person
from maillage.plan.pickers import ActionsField, GroupedCheckboxes, PublicsField
from maillage.support.journeys.enums import ProjectKind
from maillage.support.journeys.models import Outcome, Stage, SupportCase
from maillage.support.services.models import Service
from maillage.territory.models import Commune
from maillage.territory.queries import territory_communes

DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
DOCUMENT_EXTENSIONS = {".pdf", ".odt", ".ods", ".docx", ".xlsx", ".txt", ".jpg", ".jpeg", ".png"}


def staff_users():
    return (
        get_user_model()
        .objects.filter(is_active=True, role__in=[Role.STAFF, Role.ADMINISTRATOR])
        .order_by("full_name", "email")
    )


class LegalUnitsField(forms.CharField):
    """Organisations of the directory typed as SIREN or RNA numbers, separated by commas."""

    def __init__(self, *args, many: bool = True, **kwargs):
        self.many = many
        super().__init__(*args, required=False, max_length=500, **kwargs)

    def clean(self, value):
        keys = [key for key in re.split(r"[\s,;]+", super().clean(value).upper()) if key]
        if not self.many and len(keys) > 1:
            raise forms.ValidationError("Indiquez un seul numéro SIREN ou RNA.")
        units = {unit.siren: unit for unit in LegalUnit.objects.filter(siren__in=keys)}
        units |= {unit.rna_id: unit for unit in LegalUnit.objects.filter(rna_id__in=keys)}
        unknown = [key for key in keys if key not in units]
        if unknown:
            raise forms.ValidationError(
                "Aucune structure de l’annuaire n’a ce numéro : " + ", ".join(unknown) + "."
            )
        return list(dict.fromkeys(units[key] for key in keys))


def _holders_by_initial() -> list:
    """The address book's people in French order, grouped by the initial of their last name:
    a search box (plan/picker.js) narrows the list as a name is typed."""
    groups: dict[str, list] = {}
    people = sorted_by_name(Person.objects.active(), lambda p: f"{p.last_name} {p.first_name}")
    for person in people:
        initial = fold(person.last_name)[:1].upper() or "…"
        groups.setdefault(initial, []).append((person.pk, str(person)))
    return list(groups.items())


class CaseForm(OneTimeForm, forms.ModelForm):
    naf_section = forms.ChoiceField(label="Secteur d’activité (section NAF)", required=False)
    holders = forms.ModelMultipleChoiceField(
        label="Porteurs déjà connus du pôle",
        queryset=Person.objects.active(),
        required=False,
        widget=GroupedCheckboxes("Chercher un porteur par son nom"),
    )
    new_first_name = forms.CharField(
        label="Prénom d’un nouveau porteur", max_length=100, required=False
    )
    new_last_name = forms.CharField(
        label="Nom d’un nouveau porteur", max_length=100, required=False
    )
    new_email = forms.EmailField(label="Adresse e-mail du nouveau porteur", required=False)
    new_phone = forms.CharField(label="Téléphone du nouveau porteur", max_length=30, required=False)
    organisations = LegalUnitsField(
        label="Structures porteuses (SIREN ou numéro RNA, séparés par des virgules)"
    )
    actions = ActionsField()
    publics = PublicsField()

    class Meta:
        model = SupportCase
        fields = [
            "title", "description", "kind", "naf_section", "theme", "commune", "holders",
            "contact_sharing_agreed", "staff_in_charge", "opened_on", "notes",
        ]  # fmt: skip
        widgets = {
            "opened_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sections = sorted(naf_sections().items())
        self.fields["naf_section"].choices = [("", "—"), *[(c, f"{c}. {n}") for c, n in sections]]
        self.fields["commune"].queryset = territory_communes()
        self.fields["staff_in_charge"].queryset = staff_users()
        self.fields["holders"].choices = _holders_by_initial
        if self.instance.pk:
            del self.fields["submission"]  # an edit sent twice saves the same values twice
            from maillage.plan.links import actions_of, publics_of

            self.initial["organisations"] = ", ".join(
                unit.siren or unit.rna_id or "" for unit in self.instance.organisations.all()
            )
            self.initial["actions"] = list(actions_of(self.instance))
            self.initial["publics"] = list(publics_of(self.instance))

    def clean(self):
        data = super().clean()
        if (data.get("new_first_name") or data.get("new_email")) and not data.get("new_last_name"):
            self.add_error("new_last_name", "Indiquez le nom du nouveau porteur.")
        return data

    def new_holder(self) -> Person | None:
        """The newly typed holder: the address book entry of that e-mail, or a new one."""
        data = self.cleaned_data
        if not data.get("new_last_name"):
            return None
        if data["new_email"]:
            known = Person.objects.active().filter(email__iexact=data["new_email"]).first()
            if known is not None:
                return known
        return Person.objects.create(
            first_name=data["new_first_name"],
            last_name=data["new_last_name"],
            email=data["new_email"],
            phone=data["new_phone"],
        )

    def all_holders(self) -> list[Person]:
        holders = list(self.cleaned_data["holders"])
        new = self.new_holder()
        return [*holders, new] if new is not None and new not in holders else holders


class PageForm(forms.Form):
    """A form of the case page, which holds several: ids start with the form's own prefix."""

    id_prefix = "form"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{self.id_prefix}-%s")
        super().__init__(*args, **kwargs)


class StageChangeForm(PageForm):
    id_prefix = "etape"
    stage = forms.ModelChoiceField(
        label="Nouvelle étape",
        queryset=Stage.objects.active().filter(is_final=False),
        error_messages={"invalid_choice": "Étape inconnue : choisissez une étape du parcours."},
    )
    changed_on = forms.DateField(label="Depuis le", widget=DateInput(), initial=timezone.localdate)


class AppointmentForm(OneTimeForm, PageForm):
    id_prefix = "rdv"

    held_on = forms.DateField(label="Date du rendez-vous", widget=DateInput())
    with_whom = forms.CharField(label="Avec qui", max_length=200)
    notes = forms.CharField(
        label="Compte rendu", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class NoteForm(OneTimeForm, PageForm):
    id_prefix = "note"

    text = forms.CharField(label="Note", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class DocumentForm(OneTimeForm, PageForm):
    id_prefix = "document"

    title = forms.CharField(label="Titre du document", max_length=200)
    file = forms.FileField(
        label="Fichier (PDF, texte, tableur, image ; 10 Mo au plus)", max_length=200
    )

    def clean_file(self):
        file = self.cleaned_data["file"]
        if PurePath(file.name).suffix.lower() not in DOCUMENT_EXTENSIONS:
            raise forms.ValidationError(
                "Format refusé : PDF, ODT, ODS, DOCX, XLSX, TXT, JPEG ou PNG seulement."
            )
        if file.size > DOCUMENT_MAX_BYTES:
            raise forms.ValidationError("Le fichier dépasse 10 Mo.")
        return file


class NextStepForm(OneTimeForm, PageForm):
    id_prefix = "suite"

    title = forms.CharField(label="Prochaine étape", max_length=300)
    due_on = forms.DateField(label="Échéance", widget=DateInput())
    assigned_to = forms.ModelChoiceField(label="Confiée à", queryset=None, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = staff_users()


class ReferralForm(PageForm):
    id_prefix = "orientation"

    service = forms.ModelChoiceField(label="Service du partenaire", queryset=Service.objects.all())
    message = forms.CharField(
        label="Message au partenaire (le projet et ce qui est attendu)",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=3000,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the services on offer (published, of a provider shown to the public) are listed;
        # another one posted anyway gets the clear refusal of the referral action rather than a
        # generic "invalid choice".
        offered = Service.objects.on_offer().select_related("provider").order_by("name")
        field = self.fields["service"]
        field.widget.choices = [("", "—")] + [
            (service.pk, f"{service.name} ({service.provider.name})") for service in offered
        ]


YES_NO = [(True, "Oui"), (False, "Non")]


class OutcomeForm(forms.ModelForm):
    activity_created = forms.TypedChoiceField(
        label="Une activité a-t-elle été créée ?",
        choices=YES_NO,
        coerce=lambda value: value in (True, "True"),
        widget=forms.RadioSelect,
    )
    structure = LegalUnitsField(
        label="Structure créée, si elle est dans l’annuaire (SIREN ou numéro RNA)", many=False
    )
    closed_on = forms.DateField(
        label="Dossier clos le", widget=DateInput(), initial=timezone.localdate
    )

    class Meta:
        model = Outcome
        fields = ["activity_created", "legal_form", "jobs_created", "structure", "funding_amount",
                  "funding_source"]  # fmt: skip

    def clean_structure(self):
        units = self.cleaned_data["structure"]
        return units[0] if units else None

    def clean(self):
        data = super().clean()
        if data.get("funding_amount") is not None and data["funding_amount"] < 0:
            self.add_error("funding_amount", "Le montant ne peut pas être négatif.")
        if data.get("funding_amount") and not data.get("funding_source"):
            self.add_error("funding_source", "Indiquez d’où viennent les financements.")
        return data


class AcceptForm(PageForm):
    id_prefix = "acceptation"

    note = forms.CharField(
        label="Un mot pour l’équipe du pôle (facultatif)",
        help_text="Par exemple : la date du premier rendez-vous proposé au porteur.",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        required=False,
    )


class DeclineForm(PageForm):
    id_prefix = "refus"

    reason = forms.CharField(
        label="Motif du refus", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class DoneForm(PageForm):
    id_prefix = "realisee"

    note = forms.CharField(
        label="Retour pour l’équipe du pôle (facultatif)",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )


class CaseFilterForm(FilterForm):
    etape = row_of("Étape", Stage.objects.active(), "slug", "Étape inconnue.", "Toutes")
    type = forms.ChoiceField(
        label="Type de projet", choices=[("", "Tous"), *ProjectKind.choices], required=False
    )
    suivi = forms.ModelChoiceField(label="Suivi par", queryset=None, required=False)
    commune = forms.ModelChoiceField(
        label="Commune", queryset=Commune.objects.all(), to_field_name="code", required=False
    )
    clos = forms.BooleanField(label="Inclure les dossiers clos", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["suivi"].queryset = staff_users()
        self.fields["commune"].queryset = territory_communes()
        self.fields["etape"].empty_label = "Toutes"
        self.fields["suivi"].empty_label = "Tout le monde"
        self.fields["commune"].empty_label = "Toutes"

    def filter(self, cases):
        data = self.cleaned_data
        if not data["clos"]:
            cases = cases.open()
        if data["etape"]:
            cases = cases.filter(stage=data["etape"])
        if data["type"]:
            cases = cases.filter(kind=data["type"])
        if data["suivi"]:
            cases = cases.filter(staff_in_charge=data["suivi"])
        if data["commune"]:
            cases = cases.filter(commune=data["commune"])
        return cases
