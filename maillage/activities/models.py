"""Activities of the hub (events, trainings, exchange sessions, interventions…), their
registrations, the audiences counted by public category and the satisfaction answers."""

from __future__ import annotations

import secrets
from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from maillage.accounts.enums import Role
from maillage.accounts.membership_access import is_current_member
from maillage.accounts.permissions import has_role
from maillage.activities.enums import (
    ActivityKind,
    ActivityStatus,
    RegistrationStatus,
    Visibility,
)
from maillage.core.form_tokens import token_field
from maillage.core.plain_text import PLAIN_TEXT_HELP
from maillage.plan.enums import PublicCategory
from maillage.plan.links import PlanLinked


def visibilities_for(user) -> list[str]:
    """What a visitor may see: the public; members too for members; everything for staff."""
    if user is not None and has_role(user, Role.STAFF):
        return list(Visibility.values)
    if user is not None and is_current_member(user):
        return [Visibility.PUBLIC, Visibility.MEMBERS]
    return [Visibility.PUBLIC]


class Series(models.Model):
    """A cycle of sessions, such as a training cycle of five half-days."""

    title = models.CharField("intitulé", max_length=200)
    slug = models.SlugField("identifiant", max_length=200, unique=True)
    description = models.TextField("présentation", blank=True, help_text=PLAIN_TEXT_HELP)
    submission_token = token_field()

    class Meta:
        verbose_name = "cycle"
        verbose_name_plural = "cycles"
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class PlaceQuerySet(models.QuerySet["Place"]):
    def offered(self):
        return self.filter(offered=True)


class Place(models.Model):
    """A place where the hub holds its activities: its own premises, a room it often borrows.
    Staff pick it in the activity form, which copies its address and commune to the activity."""

    name = models.CharField("nom", max_length=200, unique=True)
    address = models.CharField("adresse", max_length=300)
    commune = models.ForeignKey(
        "territory.Commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hub_places",
        verbose_name="commune",
    )
    accessibility = models.TextField(
        "accessibilité",
        blank=True,
        help_text="Accès en fauteuil roulant, boucle magnétique, stationnement, transports…",
    )
    capacity = models.PositiveIntegerField(
        "capacité d’accueil",
        null=True,
        blank=True,
        help_text="Combien de personnes le lieu accueille au plus ; vide : non renseignée.",
    )
    offered = models.BooleanField(
        "proposé dans le formulaire des activités",
        default=True,
        help_text="Décochez pour un lieu que le pôle n’utilise plus : ses activités le gardent.",
    )
    submission_token = token_field()

    objects = PlaceQuerySet.as_manager()

    class Meta:
        verbose_name = "lieu du pôle"
        verbose_name_plural = "lieux du pôle"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def full_address(self) -> str:
        """« Maison des associations, 1 rue de l’Exemple » — what an activity held there shows."""
        return ", ".join(part for part in (self.name, self.address) if part)


class ActivityQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status__in=[ActivityStatus.PUBLISHED, ActivityStatus.CANCELLED])

    def visible_to(self, user):
        return self.published().filter(visibility__in=visibilities_for(user))

    def public(self):
        return self.visible_to(None)

    def upcoming(self, now: datetime | None = None):
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now: datetime | None = None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")

    def between(self, start: datetime, end: datetime):
        return self.filter(starts_at__lt=end, ends_at__gte=start)

    def of_kind(self, kind: str):
        return self.filter(kind=kind)

    def in_commune(self, commune):
        return self.filter(commune=commune)

    def for_public(self, public):
        return self.filter(public_links__public=public).distinct()

    def serving_objective(self, code: str):
        """Activities linked to an action of the strategic or operational objective `code`."""
        objective = "action_links__action__operational_objective"
        return self.filter(
            Q(**{f"{objective}__code": code})
            | Q(**{f"{objective}__strategic_objective__code": code})
        ).distinct()


class Activity(PlanLinked):
    kind = models.CharField("type", max_length=20, choices=ActivityKind.choices)
    title = models.CharField("intitulé", max_length=200)
    slug = models.SlugField("identifiant", max_length=200, unique=True)
    description = models.TextField("présentation", blank=True, help_text=PLAIN_TEXT_HELP)
    series = models.ForeignKey(
        Series,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name="cycle",
    )
    starts_at = models.DateTimeField("début")
    ends_at = models.DateTimeField("fin")
    address = models.CharField("adresse du lieu", max_length=300, blank=True)
    commune = models.ForeignKey(
        "territory.Commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name="commune",
    )
    place = models.ForeignKey(
        Place,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name="lieu du pôle",
    )
    online_url = models.URLField("lien de la réunion en ligne", max_length=500, blank=True)
    organised_by_hub = models.BooleanField("organisée par le pôle", default=True)
    organisers = models.ManyToManyField(
        "directory.LegalUnit",
        blank=True,
        related_name="organised_activities",
        verbose_name="structures co-organisatrices",
    )
    visibility = models.CharField(
        "visibilité", max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    status = models.CharField(
        "état", max_length=10, choices=ActivityStatus.choices, default=ActivityStatus.DRAFT
    )
    requires_registration = models.BooleanField("sur inscription", default=True)
    capacity = models.PositiveIntegerField(
        "nombre de places", null=True, blank=True, help_text="Vide : places illimitées."
    )
    has_waiting_list = models.BooleanField("liste d’attente", default=True)
    registration_opens_at = models.DateTimeField(
        "ouverture des inscriptions", null=True, blank=True
    )
    registration_closes_at = models.DateTimeField("clôture des inscriptions", null=True, blank=True)
    price = models.DecimalField(
        "tarif (€)", max_digits=8, decimal_places=2, default=Decimal("0"), help_text="0 : gratuit."
    )
    accessibility = models.TextField("accessibilité", blank=True)
    # Counted in the activity report (indicator « volunteer_hours »), per action and commune.
    volunteer_hours = models.DecimalField(
        "heures de bénévolat",
        max_digits=7,
        decimal_places=1,
        default=Decimal("0"),
        help_text="Temps donné par les bénévoles pour préparer et animer l’activité, toutes "
        "personnes confondues, en heures (par exemple 7,5).",
    )
    image = models.ImageField("image", upload_to="activities/", blank=True)
    image_alt = models.CharField("texte alternatif de l’image", max_length=200, blank=True)
    programme = models.TextField(
        "programme (attestation)", blank=True, help_text="Repris sur l’attestation de présence."
    )
    # RFC 5545 SEQUENCE: bumped on every change that registrants are told about.
    sequence = models.PositiveIntegerField("version de l’invitation", default=0, editable=False)
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)
    submission_token = token_field()

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = "activité"
        verbose_name_plural = "activités"
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="activity_ends_after_start",
                violation_error_message="La fin doit suivre le début.",
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gt=0),
                name="activity_capacity_positive",
                violation_error_message="Au moins une place (vide : illimité).",
            ),
            models.CheckConstraint(
                condition=Q(price__gte=0),
                name="activity_price_not_negative",
                violation_error_message="Le tarif ne peut pas être négatif.",
            ),
            models.CheckConstraint(
                condition=Q(volunteer_hours__gte=0),
                name="activity_volunteer_hours_not_negative",
                violation_error_message="Les heures de bénévolat ne peuvent pas être négatives.",
            ),
            models.CheckConstraint(
                condition=Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__isnull=True)
                | Q(registration_closes_at__gt=F("registration_opens_at")),
                name="activity_registration_window",
                violation_error_message="La clôture des inscriptions doit suivre leur ouverture.",
            ),
        ]
        indexes = [models.Index(fields=["status", "visibility", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("activities:detail", args=[self.slug])

    @property
    def is_cancelled(self) -> bool:
        return self.status == ActivityStatus.CANCELLED

    @property
    def is_draft(self) -> bool:
        return self.status == ActivityStatus.DRAFT

    @property
    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC

    @property
    def is_learning(self) -> bool:
        """Trainings and workshops: attendance certified, satisfaction surveyed."""
        return self.kind in (ActivityKind.TRAINING, ActivityKind.WORKSHOP)

    @property
    def is_free(self) -> bool:
        return self.price == 0

    @property
    def duration_hours(self) -> float:
        return (self.ends_at - self.starts_at).total_seconds() / 3600

    @property
    def is_multi_day(self) -> bool:
        paris = timezone.get_default_timezone()
        return self.starts_at.astimezone(paris).date() != self.ends_at.astimezone(paris).date()

    def registration_is_open(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return (
            self.requires_registration
            and self.status == ActivityStatus.PUBLISHED
            and self.visibility != Visibility.PRIVATE
            and self.starts_at > now
            and (self.registration_opens_at is None or self.registration_opens_at <= now)
            and (self.registration_closes_at is None or now < self.registration_closes_at)
        )

    def confirmed_count(self) -> int:
        return self.registrations.filter(status=RegistrationStatus.CONFIRMED).count()

    def seats_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.confirmed_count(), 0)


class RegistrationQuerySet(models.QuerySet["Registration"]):
    def active(self) -> RegistrationQuerySet:
        return self.exclude(status=RegistrationStatus.CANCELLED)

    def confirmed(self) -> RegistrationQuerySet:
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waitlisted(self) -> RegistrationQuerySet:
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by("waitlist_position", "pk")

    def attended(self) -> RegistrationQuerySet:
        return self.filter(attended=True)

    def matching(self, text: str) -> RegistrationQuerySet:
        return self.filter(
            Q(name__icontains=text) | Q(email__icontains=text) | Q(organisation__icontains=text)
        )


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Registration(models.Model):
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="registrations", verbose_name="activité"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activity_registrations",
        verbose_name="compte",
    )
    name = models.CharField("nom", max_length=150)
    email = models.EmailField("adresse e-mail")
    organisation = models.CharField("structure", max_length=200, blank=True)
    status = models.CharField("état", max_length=12, choices=RegistrationStatus.choices)
    waitlist_position = models.PositiveIntegerField(
        "rang sur la liste d’attente", null=True, blank=True
    )
    consent = models.BooleanField("accepte d’être contacté", default=False)
    consent_version = models.CharField("version du texte accepté", max_length=20, blank=True)
    consented_at = models.DateTimeField("consentement donné le", null=True, blank=True)
    attended = models.BooleanField("présent", default=False)
    token = models.CharField(
        "jeton du lien personnel", max_length=64, unique=True, default=new_token
    )
    # The registrations made together to every session of a cycle share this key: the cycle's
    # page, calendar and cancellation read them by it. Blank for a single session.
    cycle_key = models.CharField(
        "inscription au cycle", max_length=64, blank=True, default="", db_index=True
    )
    created_at = models.DateTimeField("inscrit le", auto_now_add=True)
    cancelled_at = models.DateTimeField("annulée le", null=True, blank=True)
    reminded_at = models.DateTimeField("rappel envoyé le", null=True, blank=True)
    survey_sent_at = models.DateTimeField("questionnaire envoyé le", null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = "inscription"
        verbose_name_plural = "inscriptions"
        ordering = ["created_at", "pk"]
        constraints = [
            # Nobody registered twice to the same activity, whatever the case of the address.
            models.UniqueConstraint(
                F("activity"),
                Lower("email"),
                condition=~Q(status=RegistrationStatus.CANCELLED),
                name="registration_once_per_email",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.activity}"

    def get_absolute_url(self) -> str:
        return reverse("activities:registration", args=[self.token])

    @property
    def is_confirmed(self) -> bool:
        return self.status == RegistrationStatus.CONFIRMED

    @property
    def is_waitlisted(self) -> bool:
        return self.status == RegistrationStatus.WAITLISTED

    @property
    def is_cancelled(self) -> bool:
        return self.status == RegistrationStatus.CANCELLED

    @property
    def is_of_cycle(self) -> bool:
        return bool(self.cycle_key)


class AudienceCount(models.Model):
    """People reached by an intervention without registering one by one (a class of 25)."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="audience_counts", verbose_name="activité"
    )
    category = models.CharField("public", max_length=40, choices=PublicCategory.choices)
    count = models.PositiveIntegerField("nombre de personnes")

    class Meta:
        verbose_name = "public touché"
        verbose_name_plural = "publics touchés"
        ordering = ["activity", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "category"],
                name="audience_once_per_cat",
                violation_error_message="Ce public est déjà compté pour cette activité.",
            ),
            models.CheckConstraint(
                condition=Q(count__gt=0),
                name="audience_count_positive",
                violation_error_message="Le nombre de personnes doit être supérieur à zéro.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} : {self.count}"


class SatisfactionAnswer(models.Model):
    registration = models.OneToOneField(
        Registration,
        on_delete=models.CASCADE,
        related_name="satisfaction",
        verbose_name="inscription",
    )
    rating = models.PositiveSmallIntegerField("appréciation générale (1 à 5)")
    usefulness = models.PositiveSmallIntegerField("utilité pour votre structure (1 à 5)")
    would_recommend = models.BooleanField("recommanderiez-vous cette activité ?")
    comment = models.TextField("commentaire", blank=True, max_length=2000)
    answered_at = models.DateTimeField("répondu le", auto_now_add=True)

    class Meta:
        verbose_name = "réponse au questionnaire de satisfaction"
        verbose_name_plural = "réponses au questionnaire de satisfaction"
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5, usefulness__gte=1, usefulness__lte=5),
                name="satisfaction_scores_1_to_5",
            )
        ]

    def __str__(self) -> str:
        return f"Avis sur {self.registration.activity}"


class Announcement(models.Model):
    """A change or a cancellation told to the registrants, with the team's note: each e-mail
    task carries this row's id, not the note, and the activity keeps what was said."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="announcements", verbose_name="activité"
    )
    note = models.TextField("message de l’équipe", blank=True)
    made_at = models.DateTimeField("annoncé le", auto_now_add=True)

    class Meta:
        verbose_name = "annonce aux inscrits"
        verbose_name_plural = "annonces aux inscrits"
        ordering = ["-made_at"]

    def __str__(self) -> str:
        return f"Annonce du {self.made_at:%d/%m/%Y}"
