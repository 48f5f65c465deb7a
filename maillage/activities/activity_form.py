"""The staff's form to create, edit or duplicate an activity.

Dates and times are typed in Paris time and stored aware. The rules a person would break by
mistake are checked here in French: the end follows the start; an activity on registration never
starts in the past (a past activity is recorded as done, without registration); a change of date,
time, place or link of an activity with registrants asks whether to tell them.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

from django import forms
from django.urls import reverse
from django.utils import timezone

from maillage.activities.enums import ActivityStatus
from maillage.activities.models import Activity, Series
from maillage.activities.places import find_host, host_address, place_choices
from maillage.core.form_tokens import OneTimeForm
from maillage.core.widgets import DateInput
from maillage.plan.pickers import ActionsField, PublicsField
from maillage.territory.queries import territory_communes

IMAGE_MAX_BYTES = 2 * 1024 * 1024
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp"}
# What registrants are told about when it changes (their invitation carries it).
WHEN_AND_WHERE = ("starts_at", "ends_at", "address", "commune_id", "online_url")
TELL = "oui"
DONT_TELL = "non"


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self):
        super().__init__(format="%H:%M")


def paris_datetime(day, moment) -> datetime:
    return timezone.make_aware(datetime.combine(day, moment), timezone.get_default_timezone())


class ActivityForm(OneTimeForm, forms.ModelForm):
    start_date = forms.DateField(label="Date", widget=DateInput())
    start_time = forms.TimeField(label="Heure de début", widget=TimeInput())
    end_time = forms.TimeField(label="Heure de fin", widget=TimeInput())
    end_date = forms.DateField(
        label="Date de fin, si l’activité dure plusieurs jours", widget=DateInput(), required=False
    )
    host = forms.CharField(
        label="Ou la structure de l’annuaire qui accueille (son nom ou son SIRET)",
        max_length=200,
        required=False,
        help_text="Son adresse et sa commune remplissent le lieu.",
    )
    online_url = forms.URLField(
        label="Lien de la réunion en ligne",
        max_length=500,
        assume_scheme="https",
        required=False,
        help_text="Quand l’activité est sur inscription, seuls les inscrits le reçoivent.",
    )
    publics = PublicsField()
    actions = ActionsField()
    tell_registrants = forms.ChoiceField(
        label="Prévenir les inscrits du changement ?",
        choices=[(TELL, "Oui, leur écrire avec l’invitation à jour"), (DONT_TELL, "Non")],
        widget=forms.RadioSelect,
        required=False,
    )
    note = forms.CharField(
        label="Message aux inscrits (facultatif)",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
    )

    class Meta:
        model = Activity
        fields = [
            "title", "kind", "series", "description", "place", "address", "commune", "online_url",
            "requires_registration", "capacity", "has_waiting_list", "price", "visibility",
            "status", "accessibility", "image", "image_alt", "programme", "volunteer_hours",
        ]  # fmt: skip
        # « 7,5 » as staff type it.
        localized_fields = ["volunteer_hours"]
        labels = {
            "place": "Un lieu du pôle",
            "address": "Ou une adresse",
            "requires_registration": "Sur inscription",
        }
        help_texts = {
            "place": "Son adresse, sa commune et son accessibilité remplissent le lieu.",
            "image_alt": "Ce que montre l’image, pour qui ne la voit pas.",
            "requires_registration": "Décochez pour une activité en entrée libre, ou pour noter "
            "après coup une activité déjà réalisée.",
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "accessibility": forms.Textarea(attrs={"rows": 2}),
            "programme": forms.Textarea(attrs={"rows": 4}),
            "status": forms.RadioSelect,
        }

    def __init__(self, *args, registrants: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.registrants = registrants
        self.before = {name: getattr(self.instance, name) for name in WHEN_AND_WHERE}
        self.fields["commune"].queryset = territory_communes()
        self.fields["status"].choices = [
            (ActivityStatus.DRAFT, "Brouillon (visible de l’équipe seulement)"),
            (ActivityStatus.PUBLISHED, "Publiée"),
        ]
        self.fields["place"].queryset = place_choices(self.instance.place_id)
        self.fields["place"].empty_label = "Aucun"
        # Suggestions from the directory as one types (directory/address-complete.js).
        self.fields["host"].widget.attrs["data-maillage-address"] = reverse(
            "activities:staff_hosts"
        )
        # And from the national address base for a typed address.
        self.fields["address"].widget.attrs["data-maillage-address"] = reverse(
            "directory:address_suggestions"
        )
        # Noted after the activity: left empty when the form creates it, it means none.
        self.fields["volunteer_hours"].required = False
        self.fields["volunteer_hours"].widget.attrs["inputmode"] = "decimal"
        if self.instance.pk:
            del self.fields["submission"]  # an edit sent twice saves the same values twice
        if not registrants:
            del self.fields["tell_registrants"]
            del self.fields["note"]
        activity = self.instance
        if activity.pk:
            paris = timezone.get_default_timezone()
            starts, ends = activity.starts_at.astimezone(paris), activity.ends_at.astimezone(paris)
            self.initial.setdefault("start_date", starts.date())
            self.initial.setdefault("start_time", starts.time())
            self.initial.setdefault("end_time", ends.time())
            if ends.date() != starts.date():
                self.initial.setdefault("end_date", ends.date())

    def clean_volunteer_hours(self):
        hours = self.cleaned_data.get("volunteer_hours")
        if hours is None:
            return Decimal("0")
        if hours < 0:
            raise forms.ValidationError("Les heures de bénévolat ne peuvent pas être négatives.")
        return hours

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if image and getattr(image, "size", 0) > IMAGE_MAX_BYTES:
            raise forms.ValidationError("Cette image dépasse 2 Mo.")
        if image and Path(image.name).suffix.lower() not in IMAGE_SUFFIXES:
            raise forms.ValidationError("L’image doit être au format PNG, JPEG ou WebP.")
        return image

    def clean(self):
        data = super().clean()
        self._clean_dates(data)
        self._clean_place(data)
        if data.get("image") and not data.get("image_alt", "").strip():
            self.add_error("image_alt", "Décrivez l’image pour qui ne la voit pas.")
        if self.moves() and not data.get("tell_registrants") and "tell_registrants" in self.fields:
            self.add_error(
                "tell_registrants",
                "La date, l’heure, le lieu ou le lien change : "
                "dites s’il faut prévenir les inscrits.",
            )
        return data

    def _clean_dates(self, data: dict) -> None:
        start_date, start_time, end_time = (
            data.get("start_date"),
            data.get("start_time"),
            data.get("end_time"),
        )
        if not (start_date and start_time and end_time):
            return
        starts = paris_datetime(start_date, start_time)
        ends = paris_datetime(data.get("end_date") or start_date, end_time)
        self.instance.starts_at, self.instance.ends_at = starts, ends
        if ends <= starts:
            self.add_error("end_time", "La fin doit suivre le début.")
        start_kept = self.instance.pk and starts == self.before["starts_at"]
        if data.get("requires_registration") and starts <= timezone.now() and not start_kept:
            self.add_error(
                "start_date",
                "Une activité sur inscription ne peut pas commencer dans le passé. "
                "Pour noter une activité déjà réalisée, décochez « Sur inscription ».",
            )

    def _clean_place(self, data: dict) -> None:
        """A host of the directory, else a place of the hub, gives the address and commune."""
        if data.get("host", "").strip():
            try:
                host = find_host(data["host"].strip())
            except forms.ValidationError as error:
                self.add_error("host", error)
                return
            data["address"], data["commune"], data["place"] = host_address(host), host.commune, None
        elif place := data.get("place"):
            data["address"], data["commune"] = place.full_address, place.commune
            if not data.get("accessibility", "").strip():
                data["accessibility"] = place.accessibility
            capacity = data.get("capacity")
            if place.capacity and capacity and capacity > place.capacity:
                self.add_error(
                    "capacity", f"{place.name} accueille {place.capacity} personnes au plus."
                )

    def moves(self) -> bool:
        """Whether a date, a time, the place or the link of a saved activity changes."""
        if not self.instance.pk:
            return False
        data = self.cleaned_data
        commune = data.get("commune")
        after = {
            "starts_at": self.instance.starts_at,
            "ends_at": self.instance.ends_at,
            "address": data.get("address", self.before["address"]),
            "commune_id": commune.pk if commune else None,
            "online_url": data.get("online_url", self.before["online_url"]),
        }
        return after != self.before

    @property
    def tells_registrants(self) -> bool:
        return self.cleaned_data.get("tell_registrants") == TELL


class SeriesForm(OneTimeForm, forms.ModelForm):
    class Meta:
        model = Series
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["submission"]
