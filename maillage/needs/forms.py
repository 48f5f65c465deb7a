"""Forms of the needs' pages, French labels and messages."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.utils import timezone

from maillage.activities.models import Activity
from maillage.core.form_tokens import OneTimeForm
from maillage.directory.models import LegalUnit
from maillage.needs.enums import ExpressedBy, NeedStatus, Visibility
from maillage.needs.models import Criterion, Need, Theme
from maillage.network.working_groups.models import WorkingGroup
from maillage.plan.links import actions_of, publics_of
from maillage.plan.pickers import ActionsField, PublicsField
from maillage.support.journeys.models import SupportCase
from maillage.support.services.models import Service
from maillage.territory.queries import territory_communes

TITLE_MAX, DESCRIPTION_MAX = 200, 5000
# Activities offered as part of a response: those of the last year and to come.
ACTIVITIES_SINCE_DAYS = 365


def _themes() -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        label="Thèmes",
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


def _communes() -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        label="Communes concernées",
        queryset=territory_communes(),
        required=False,
        help_text="Maintenez Ctrl (ou Cmd) pour en choisir plusieurs.",
    )


class DescribedForm(forms.Form):
    title = forms.CharField(label="Le besoin, en une phrase", max_length=TITLE_MAX)
    description = forms.CharField(
        label="Décrivez-le : qui est concerné, depuis quand, ce qui manque",
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["communes"] = _communes()
        self.fields["themes"] = _themes()


class SubmissionForm(OneTimeForm, DescribedForm):
    """The public's form; `website` is a trap for robots, hidden from people."""

    name = forms.CharField(label="Votre prénom (facultatif)", max_length=150, required=False)
    email = forms.EmailField(
        label="Votre adresse e-mail",
        help_text="Un lien vous y est envoyé : le besoin n’est publié qu’après confirmation.",
    )
    consent = forms.BooleanField(
        label=(
            "J’accepte que le pôle garde cette adresse pour confirmer ce besoin et me donner "
            "des nouvelles de sa réponse."
        )
    )
    website = forms.CharField(label="Ne pas remplir ce champ", required=False)

    @property
    def is_robot(self) -> bool:
        return bool(self.data.get("website"))


class MemberSubmissionForm(OneTimeForm, DescribedForm):
    """A signed-in person's form: the account is known, no confirmation needed."""


class StaffNeedForm(OneTimeForm, DescribedForm):
    expressed_by = forms.ChoiceField(label="Exprimé par", choices=ExpressedBy.choices)
    source_detail = forms.CharField(
        label="Précision sur l’origine (l’atelier, le mandat de l’élu, le signal)",
        max_length=200,
        required=False,
    )
    organisation = forms.ModelChoiceField(
        label="Structure à l’origine (numéro SIREN)",
        queryset=LegalUnit.objects.all(),
        to_field_name="siren",
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"invalid_choice": "Aucune structure de l’annuaire n’a ce SIREN."},
    )
    working_group = forms.ModelChoiceField(
        label="Groupe de travail à l’origine",
        queryset=WorkingGroup.objects.all(),
        required=False,
        empty_label="— aucun —",
    )
    visibility = forms.ChoiceField(label="Visibilité", choices=Visibility.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["actions"] = ActionsField()
        self.fields["publics"] = PublicsField(label="Publics concernés")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        kind = data.get("expressed_by")
        if kind == ExpressedBy.ORGANISATION and not data.get("organisation"):
            self.add_error("organisation", "Indiquez la structure qui l’a exprimé.")
        if kind == ExpressedBy.WORKING_GROUP and not data.get("working_group"):
            self.add_error("working_group", "Indiquez le groupe de travail qui l’a exprimé.")
        return data


def edit_form_for(need: Need, data: Any = None) -> StaffNeedForm:
    initial = {
        "title": need.title,
        "description": need.description,
        "expressed_by": need.expressed_by,
        "source_detail": need.source_detail,
        "organisation": need.organisation.siren if need.organisation else "",
        "working_group": need.working_group_id,
        "visibility": need.visibility,
        "communes": list(need.communes.all()),
        "themes": list(need.themes.all()),
        "actions": list(actions_of(need)),
        "publics": list(publics_of(need)),
    }
    form = StaffNeedForm(data, initial=initial)
    del form.fields["submission"]  # an edit sent twice saves the same values twice
    return form


class MoveForm(forms.Form):
    """The instance's decision: the next step, why, who, when; at qualification, the criteria."""

    target = forms.ChoiceField(label="Nouvelle étape")
    reason = forms.CharField(
        label="Pourquoi (et, si des étapes sont sautées, pourquoi les sauter)",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    decided_by_label = forms.CharField(
        label="Décidé par (l’instance, le groupe)", max_length=150, required=False
    )
    decided_on = forms.DateField(
        label="Date de la décision",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, need: Need, allowed: list[NeedStatus], *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [(status.value, status.label) for status in allowed]
        self.fields["decided_on"].initial = timezone.localdate()
        self.criteria = list(Criterion.objects.filter(is_active=True)) if need.is_submitted else []
        for criterion in self.criteria:
            self.fields[f"critere_{criterion.slug}"] = forms.BooleanField(
                label=criterion.name + ("" if criterion.required else " (facultatif)"),
                help_text=criterion.description,
                required=False,
            )

    def answers(self) -> dict[str, bool]:
        return {c.slug: bool(self.cleaned_data.get(f"critere_{c.slug}")) for c in self.criteria}

    @property
    def criteria_fields(self) -> list[Any]:
        return [self[f"critere_{c.slug}"] for c in self.criteria]

    @property
    def decision_fields(self) -> list[Any]:
        return [self["target"], self["reason"], self["decided_by_label"], self["decided_on"]]


def _multiple(label: str, queryset: Any) -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        label=label, queryset=queryset, required=False, widget=forms.CheckboxSelectMultiple
    )


class ResponseForm(forms.Form):
    summary = forms.CharField(
        label="La réponse, en quelques phrases",
        max_length=DESCRIPTION_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, need: Need, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "summary": need.response_summary,
                "groups": list(need.response_groups.all()),
                "cases": list(need.response_cases.all()),
                "services": list(need.response_services.all()),
                "activities": list(need.response_activities.all()),
            },
        )
        super().__init__(*args, **kwargs)
        since = timezone.now() - timedelta(days=ACTIVITIES_SINCE_DAYS)
        self.fields["groups"] = _multiple("Groupes de travail", WorkingGroup.objects.open())
        self.fields["cases"] = _multiple(
            "Accompagnements (visibles de l’équipe seulement)", SupportCase.objects.all()
        )
        self.fields["services"] = _multiple(
            "Services de l’offre d’accompagnement", Service.objects.on_offer().originals()
        )
        self.fields["activities"] = _multiple(
            "Activités", Activity.objects.published().filter(starts_at__gte=since)
        )


class MergeForm(forms.Form):
    kept = forms.ModelChoiceField(
        label="Numéro du besoin à garder",
        queryset=Need.objects.listed(),
        widget=forms.NumberInput(attrs={"min": 1}),
        error_messages={"invalid_choice": "Aucun besoin ouvert ne porte ce numéro."},
    )
    reason = forms.CharField(label="Précision (facultatif)", max_length=500, required=False)


class CommentForm(OneTimeForm):
    body = forms.CharField(
        label="Votre commentaire",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Il sera publié après relecture par l’équipe du pôle.",
    )


class HelpForm(forms.Form):
    legal_unit = forms.ModelChoiceField(
        label="Votre structure", queryset=LegalUnit.objects.none(), empty_label=None
    )
    what = forms.CharField(
        label="Ce que votre structure peut apporter",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["legal_unit"].queryset = LegalUnit.objects.represented_by(user)


class CandidateForm(forms.Form):
    source = forms.CharField(max_length=20)
    key = forms.CharField(max_length=300)
