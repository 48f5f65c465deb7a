from __future__ import annotations

from django import forms

from maillage.core.collation import by_name
from maillage.core.filter_forms import FilterForm
from maillage.directory.models import LegalUnit
from maillage.support.services import vocabularies as vocab
from maillage.support.services.enums import LegalForm, ProjectCarrier, ProjectStage, Sector
from maillage.support.services.models import Service
from maillage.support.services.orientation import Answers
from maillage.territory.models import Commune, Departement, Epci
from maillage.territory.queries import current_territory


def _checkboxes(label: str, choices, help_text: str = "") -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
    )


ALL = "Ne rien cocher si le service est ouvert à tous."


def territory_communes():
    territory = current_territory()
    if territory is None:
        return Commune.objects.none()
    return territory.communes.order_by(by_name(), "code")


class ServiceForm(forms.ModelForm):
    """What a representative (or staff) writes about a service."""

    themes = _checkboxes("Thématiques", vocab.choices(vocab.THEMATIQUES))
    publics = _checkboxes("Publics", vocab.choices(vocab.PUBLICS), ALL)
    stages = _checkboxes("Étapes du projet", ProjectStage.choices, ALL)
    carriers = _checkboxes("Projets individuels ou collectifs", ProjectCarrier.choices, ALL)
    legal_forms = _checkboxes("Formes juridiques", LegalForm.choices, ALL)
    sectors = _checkboxes("Secteurs d’activité", Sector.choices, ALL)
    reception_modes = _checkboxes("Modes d’accueil", vocab.choices(vocab.MODES_ACCUEIL))
    contact_modes = _checkboxes("Comment le mobiliser", vocab.choices(vocab.MODES_MOBILISATION))
    contact_by = _checkboxes("Qui peut le mobiliser", vocab.choices(vocab.MOBILISABLE_PAR))
    contact_link = forms.URLField(
        label="Lien de mobilisation",
        max_length=2000,
        required=False,
        assume_scheme="https",
        help_text="Page de prise de rendez-vous ou d’inscription, s’il y en a une.",
    )

    class Meta:
        model = Service
        fields = [
            "name",
            "description",
            "kind",
            "themes",
            "publics",
            "publics_details",
            "stages",
            "carriers",
            "legal_forms",
            "sectors",
            "access_conditions",
            "fee",
            "fee_details",
            "reception_modes",
            "contact_modes",
            "contact_by",
            "contact_details",
            "contact_link",
            "contact_name",
            "email",
            "phone",
            "contacts_public",
            "communes",
            "epcis",
            "departements",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "publics_details": forms.Textarea(attrs={"rows": 2}),
            "access_conditions": forms.Textarea(attrs={"rows": 2}),
            "fee_details": forms.Textarea(attrs={"rows": 2}),
            "contact_details": forms.Textarea(attrs={"rows": 2}),
            "communes": forms.CheckboxSelectMultiple,
            "epcis": forms.CheckboxSelectMultiple,
            "departements": forms.CheckboxSelectMultiple,
        }

    GROUPS = (
        ("Le service", ("provider", "provider_siren", "name", "description", "kind", "themes")),
        (
            "Pour qui",
            ("publics", "publics_details", "stages", "carriers", "legal_forms", "sectors"),
        ),
        ("Conditions et coût", ("access_conditions", "fee", "fee_details")),
        (
            "Comment le mobiliser",
            (
                "reception_modes",
                "contact_modes",
                "contact_by",
                "contact_details",
                "contact_link",
                "contact_name",
                "email",
                "phone",
                "contacts_public",
            ),
        ),
        ("Zone servie", ("departements", "epcis", "communes")),
    )

    def groups(self) -> list[tuple[str, list]]:
        """Fields under headings, in page order (fields this form lacks left out)."""
        return [
            (title, [self[name] for name in names if name in self.fields])
            for title, names in self.GROUPS
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        communes = territory_communes()
        self.fields["communes"].queryset = communes
        self.fields["epcis"].queryset = Epci.objects.filter(
            pk__in=communes.values("epci")
        ).order_by("name")
        self.fields["departements"].queryset = Departement.objects.filter(
            pk__in=communes.values("departement")
        ).order_by("code")
        self.fields["departements"].help_text = (
            "La zone servie : cochez un département, une intercommunalité ou des communes "
            "(au moins un choix)."
        )

    def clean(self):
        data = super().clean()
        if not any(data.get(name) for name in ("communes", "epcis", "departements")):
            self.add_error(
                "departements",
                "Indiquez où le service intervient : un département, une intercommunalité "
                "ou au moins une commune.",
            )
        self._check_contact(data)
        self._check_name(data)
        return data

    def _check_name(self, data) -> None:
        """The same name twice for one provider is refused here, not as a database error."""
        provider = data.get("provider") or getattr(self.instance, "provider", None)
        if provider is None or not data.get("name"):
            return
        original = self.instance.revision_of_id or self.instance.pk
        taken = Service.objects.originals().filter(provider=provider, name=data["name"])
        if taken.exclude(pk=original).exists():
            self.add_error("name", "Cette structure propose déjà un service de ce nom.")

    def _check_contact(self, data) -> None:
        modes = data.get("contact_modes") or []
        needed = {
            "envoyer-un-courriel": ("email", "Indiquez le courriel à écrire."),
            "telephoner": ("phone", "Indiquez le numéro à appeler."),
            "utiliser-lien-mobilisation": ("contact_link", "Indiquez le lien à utiliser."),
        }
        for mode, (name, message) in needed.items():
            if mode in modes and not data.get(name) and name not in self.errors:
                self.add_error(name, message)


class RepresentativeServiceForm(ServiceForm):
    """A representative of several organisations says which one offers a new service."""

    provider = forms.ModelChoiceField(
        label="Structure qui le propose", queryset=LegalUnit.objects.none(), empty_label=None
    )

    field_order = ["provider"]

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = units.order_by("name")

    class Meta(ServiceForm.Meta):
        fields = ["provider", *ServiceForm.Meta.fields]


class StaffServiceForm(ServiceForm):
    """Staff also choose the organisation that offers the service, by its SIREN."""

    provider_siren = forms.CharField(
        label="SIREN de la structure qui le propose",
        max_length=9,
        help_text="Les 9 chiffres du SIREN de la structure, telle qu’elle figure dans l’annuaire.",
    )

    field_order = ["provider_siren"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["provider_siren"].initial = self.instance.provider.siren

    def clean_provider_siren(self) -> str:
        siren = self.cleaned_data["provider_siren"].replace(" ", "")
        unit = LegalUnit.objects.filter(siren=siren).first()
        if unit is None:
            raise forms.ValidationError("Aucune structure de l’annuaire n’a ce SIREN.")
        self.instance.provider = unit
        return siren


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label="Ce qu’il faut reprendre",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class AddressForm(FilterForm):
    """A GET form read from the address (a `core.filter_forms` form: a repeated or overlong
    answer is refused): a commune of the territory, a French problem."""

    commune = forms.ChoiceField(label="Commune", required=False)

    any_commune = "Toutes les communes"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.communes = territory_communes()
        self.fields["commune"].choices = [("", self.any_commune)] + [
            (commune.code, commune.name) for commune in self.communes
        ]

    @property
    def chosen_commune(self):
        code = self.cleaned_data.get("commune")
        return self.communes.get(code=code) if code else None

    def problem(self) -> str:
        """One French sentence naming each question whose answer is not offered."""
        questions = ", ".join(f"« {self.fields[name].label} »" for name in self.errors)
        return f"Réponse inconnue pour : {questions}. Choisissez parmi les réponses proposées."

    def has_filters(self) -> bool:
        return any(self.cleaned_data.values())

    def chosen(self) -> list[tuple[str, str]]:
        """(question, answer) for each question answered, answers in French."""
        return [
            (field.label, dict(field.choices)[self.cleaned_data[name]])
            for name, field in self.fields.items()
            if self.cleaned_data.get(name)
        ]


class OfferFilterForm(AddressForm):
    thematique = forms.ChoiceField(
        label="Thématique",
        required=False,
        choices=[("", "Toutes les thématiques"), *vocab.choices(vocab.THEMATIQUES)],
    )
    public = forms.ChoiceField(
        label="Public",
        required=False,
        choices=[("", "Tous les publics"), *vocab.choices(vocab.PUBLICS)],
    )
    etape = forms.ChoiceField(
        label="Étape du projet",
        required=False,
        choices=[("", "Toutes les étapes"), *ProjectStage.choices],
    )

    field_order = ["thematique", "public", "etape", "commune"]


class OrientationForm(AddressForm):
    """The project holder's answers: every answer is optional."""

    besoin = forms.ChoiceField(
        label="De quoi avez-vous besoin ?",
        required=False,
        choices=[("", "Je ne sais pas encore"), *vocab.choices(vocab.THEMATIQUES)],
    )
    secteur = forms.ChoiceField(
        label="Dans quel secteur est votre projet ?",
        required=False,
        choices=[("", "Autre ou pas encore défini"), *Sector.choices],
    )
    etape = forms.ChoiceField(
        label="Où en est votre projet ?",
        required=False,
        choices=[("", "Je ne sais pas"), *ProjectStage.choices],
    )
    portage = forms.ChoiceField(
        label="Vous portez ce projet seul ou à plusieurs ?",
        required=False,
        choices=[
            ("", "Je ne sais pas"),
            (ProjectCarrier.INDIVIDUAL, "Seul ou seule"),
            (ProjectCarrier.COLLECTIVE, "À plusieurs, en collectif"),
        ],
    )
    forme = forms.ChoiceField(
        label="Sous quelle forme juridique ?",
        required=False,
        choices=[("", "Je ne sais pas"), *LegalForm.choices],
    )

    any_commune = "Je ne sais pas encore"
    field_order = ["besoin", "secteur", "etape", "portage", "forme", "commune"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].label = "Dans quelle commune ?"

    def answers(self) -> Answers:
        data = self.cleaned_data
        return Answers(
            need=data["besoin"],
            sector=data["secteur"],
            stage=data["etape"],
            carrier=data["portage"],
            legal_form=data["forme"],
            commune=self.chosen_commune,
        )


class SummaryEmailForm(forms.Form):
    email = forms.EmailField(label="Votre adresse e-mail")
    consent = forms.BooleanField(
        label=(
            "J’accepte que cette adresse serve une seule fois, à m’envoyer ce récapitulatif. "
            "Elle n’est pas conservée par le pôle."
        )
    )
