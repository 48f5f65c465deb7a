from django import forms

from maillage.activities.consent import CONSENT_TEXT
from maillage.activities.models import AudienceCount, Place, SatisfactionAnswer
from maillage.activities.registration import NAME_MAX, ORGANISATION_MAX
from maillage.core.form_tokens import OneTimeForm
from maillage.plan.enums import PublicCategory
from maillage.territory.queries import territory_communes


class RegistrationForm(forms.Form):
    name = forms.CharField(label="Nom et prénom", max_length=NAME_MAX)
    email = forms.EmailField(label="Adresse e-mail", max_length=254)
    organisation = forms.CharField(
        label="Structure (facultatif)", max_length=ORGANISATION_MAX, required=False
    )
    consent = forms.BooleanField(label=CONSENT_TEXT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"


class AgendaRegistrationForm(RegistrationForm):
    """The agenda's form; on a session of a cycle with several sessions open, it offers them
    all at once."""

    whole_cycle = forms.BooleanField(required=False)

    def __init__(self, *args, cycle_sessions: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        if cycle_sessions < 2:
            del self.fields["whole_cycle"]
        else:
            self.fields[
                "whole_cycle"
            ].label = f"M’inscrire aux {cycle_sessions} séances à venir du cycle, en une fois"


class StaffRegistrationForm(RegistrationForm):
    consent = forms.BooleanField(label="La personne accepte d’être contactée", required=False)


class AudienceCountForm(forms.ModelForm):
    category = forms.ChoiceField(label="Public", choices=PublicCategory.choices)
    count = forms.IntegerField(
        label="Nombre de personnes",
        min_value=1,
        error_messages={"min_value": "Le nombre de personnes doit être supérieur à zéro."},
    )

    class Meta:
        model = AudienceCount
        fields = ["category", "count"]


class AnnouncementForm(forms.Form):
    note = forms.CharField(
        label="Message aux inscrits (facultatif)",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
    )


SCORES = [(n, str(n)) for n in range(1, 6)]


class SatisfactionForm(forms.ModelForm):
    rating = forms.TypedChoiceField(
        label="Dans l’ensemble, êtes-vous satisfait·e ? (1 : pas du tout, 5 : tout à fait)",
        choices=SCORES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    usefulness = forms.TypedChoiceField(
        label="Est-ce utile pour votre structure ou votre projet ? (1 : pas du tout, 5 : très)",
        choices=SCORES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    would_recommend = forms.TypedChoiceField(
        label="La recommanderiez-vous ?",
        choices=[(True, "Oui"), (False, "Non")],
        coerce=lambda value: value in (True, "True"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = SatisfactionAnswer
        fields = ["rating", "usefulness", "would_recommend", "comment"]
        widgets = {"comment": forms.Textarea(attrs={"rows": 4, "maxlength": 2000})}


class PeriodForm(forms.Form):
    start = forms.DateField(
        label="Du", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end = forms.DateField(
        label="Au", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise forms.ValidationError("La fin de la période doit suivre son début.")
        return data


class PlaceForm(OneTimeForm, forms.ModelForm):
    class Meta:
        model = Place
        fields = ["name", "address", "commune", "accessibility", "capacity", "offered"]
        widgets = {"accessibility": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = territory_communes()
        if self.instance.pk:
            del self.fields["submission"]
