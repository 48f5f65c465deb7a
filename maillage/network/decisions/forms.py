from __future__ import annotations

from django import forms

from maillage.core.form_tokens import OneTimeForm
from maillage.network.decisions.enums import Choice, Method, VoterScope
from maillage.network.decisions.models import Proposal
from maillage.network.decisions.voting import REASON_MAX

OPTIONS_MAX = 20
DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format=DATETIME_FORMAT, **kwargs)


class ProposalForm(OneTimeForm, forms.ModelForm):
    options = forms.CharField(
        label="Options du vote (une par ligne)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Pour un vote seulement : au moins deux options.",
    )

    class Meta:
        model = Proposal
        fields = [
            "title",
            "text",
            "group",
            "method",
            "voter_scope",
            "weighted",
            "quorum_percent",
            "secrecy",
            "opens_at",
            "deadline",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 10}),
            "opens_at": DateTimeInput(),
            "deadline": DateTimeInput(),
        }
        help_texts = {
            "opens_at": "Vide : le vote s’ouvre quand vous ouvrez la proposition.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].empty_label = "Tous les adhérents"
        self.fields["quorum_percent"].widget.attrs["max"] = 100
        if self.instance.pk:
            del self.fields["submission"]  # an edit sent twice saves the same values twice
        if self.instance.pk and not self.is_bound:
            self.initial["options"] = "\n".join(o.label for o in self.instance.options.all())

    def clean_options(self) -> list[str]:
        labels = [line.strip() for line in self.cleaned_data["options"].splitlines()]
        labels = [label for label in labels if label]
        if len(set(labels)) != len(labels):
            raise forms.ValidationError("Deux options portent le même intitulé.")
        if len(labels) > OPTIONS_MAX:
            raise forms.ValidationError(f"{OPTIONS_MAX} options au plus.")
        if any(len(label) > 200 for label in labels):
            raise forms.ValidationError("Une option ne doit pas dépasser 200 caractères.")
        return labels

    def clean(self):
        data = super().clean()
        if data.get("group") and data.get("voter_scope") == VoterScope.ORGANISATION:
            self.add_error(
                "voter_scope", "Dans un groupe de travail, chaque personne membre a une voix."
            )
        if data.get("group") and data.get("weighted"):
            self.add_error("weighted", "Les collèges ne pondèrent que les votes des adhérents.")
        options = data.get("options") or []
        if data.get("method") == Method.VOTE and len(options) < 2:
            self.add_error("options", "Un vote demande au moins deux options.")
        if data.get("method") == Method.CONSENT and options:
            self.add_error("options", "Une décision par consentement ne prend pas d’options.")
        opens_at, deadline = data.get("opens_at"), data.get("deadline")
        if opens_at and deadline and deadline <= opens_at:
            self.add_error("deadline", "La date limite doit suivre l’ouverture du vote.")
        return data


class VoteForm(forms.Form):
    """A voice: for whom (an organisation, when the proposal says so), what, and why."""

    voter = forms.TypedChoiceField(label="Au nom de", coerce=int, required=False)
    position = forms.ChoiceField(label="Votre position", widget=forms.RadioSelect)
    reason = forms.CharField(
        label="Motif",
        required=False,
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, proposal: Proposal, voters: list, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.proposal = proposal
        if proposal.per_organisation:
            # Any organisation id is accepted here: the vote itself checks representation.
            self.fields["voter"] = forms.IntegerField(
                label="Au nom de", widget=forms.Select(choices=[(v.pk, v.name) for v in voters])
            )
        else:
            del self.fields["voter"]
        if proposal.is_consent:
            self.fields["position"].choices = Choice.choices
            self.fields["reason"].help_text = "Obligatoire pour une objection."
        else:
            choices = [(f"option-{o.pk}", o.label) for o in proposal.options.all()]
            self.fields["position"].choices = [*choices, (Choice.ABSTENTION, "Abstention")]
            self.fields["reason"].label = "Commentaire (facultatif)"

    def chosen(self) -> dict:
        """The option or the position chosen, as `cast_vote` takes them."""
        value = self.cleaned_data["position"]
        if value.startswith("option-"):
            option = self.proposal.options.get(pk=int(value.removeprefix("option-")))
            return {"option": option, "choice": ""}
        return {"option": None, "choice": value}
