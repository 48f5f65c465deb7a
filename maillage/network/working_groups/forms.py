from django import forms
from django.utils.text import slugify

from maillage.activities.models import Place
from maillage.activities.places import place_choices
from maillage.core.form_tokens import OneTimeForm
from maillage.network.people.forms import PersonChoiceField
from maillage.network.people.models import Person
from maillage.network.working_groups.documents import ACCEPTED, MAX_SIZE
from maillage.network.working_groups.models import WorkingGroup
from maillage.plan.pickers import ActionsField, PublicsField

# Paths of the app's own pages under /groupes/.
RESERVED_SLUGS = {"nouveau"}
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class WorkingGroupForm(OneTimeForm, forms.ModelForm):
    slug = forms.SlugField(
        label="Identifiant dans l’adresse (facultatif)",
        max_length=120,
        required=False,
        help_text="Lettres minuscules, chiffres et tirets ; vide : tiré du nom.",
    )
    facilitator = PersonChoiceField(
        label="Animateur ou animatrice (facultatif)",
        queryset=Person.objects.active(),
        required=False,
    )
    actions = ActionsField(label="Actions du projet que le groupe porte")
    publics = PublicsField()

    class Meta:
        model = WorkingGroup
        fields = ["name", "slug", "purpose", "status", "facilitator"]
        widgets = {"purpose": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["submission"]

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or slugify(self.cleaned_data.get("name", ""))[:120]
        if not slug:
            raise forms.ValidationError("Donnez un nom fait de lettres ou de chiffres.")
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError("Cet identifiant est réservé : choisissez-en un autre.")
        taken = WorkingGroup.objects.filter(slug=slug).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError("Cet identifiant est déjà pris par un autre groupe.")
        return slug


class AddMemberForm(forms.Form):
    person = PersonChoiceField(
        label="Personne du carnet d’adresses", queryset=Person.objects.none()
    )

    def __init__(self, *args, group: WorkingGroup, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.active().exclude(
            group_memberships__group=group
        )


class MeetingForm(OneTimeForm):
    starts_at = forms.DateTimeField(label="Début", widget=DATETIME)
    ends_at = forms.DateTimeField(label="Fin", widget=DATETIME)
    place = forms.ModelChoiceField(
        label="Un lieu du pôle (facultatif)",
        queryset=Place.objects.none(),
        required=False,
        empty_label="Aucun",
    )
    address = forms.CharField(label="Ou une adresse (facultatif)", max_length=300, required=False)
    online_url = forms.URLField(
        label="Lien de la réunion en ligne (facultatif)",
        max_length=500,
        required=False,
        assume_scheme="https",
    )
    agenda = forms.CharField(
        label="Ordre du jour (facultatif)",
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=20000,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = place_choices()

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            raise forms.ValidationError("La fin de la réunion doit suivre son début.")
        return data


class MinutesForm(forms.Form):
    agenda = forms.CharField(
        label="Ordre du jour",
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=20000,
    )
    minutes = forms.CharField(
        label="Compte rendu",
        widget=forms.Textarea(attrs={"rows": 14}),
        required=False,
        max_length=100000,
    )
    publish = forms.BooleanField(
        label="Publier le compte rendu (les adhérents du pôle peuvent le lire)", required=False
    )


class DocumentForm(forms.Form):
    title = forms.CharField(label="Titre du document", max_length=200)
    upload = forms.FileField(
        label="Fichier",
        help_text=f"{MAX_SIZE // (1024 * 1024)} Mo au plus ; formats : {ACCEPTED}.",
    )
