"""Needs of the territory, their history, and what people add to them."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from maillage.core.form_tokens import token_field
from maillage.needs.enums import (
    CLOSED,
    PATH,
    CandidateDecision,
    CommentStatus,
    ExpressedBy,
    NeedStatus,
    SignalSource,
    Visibility,
)
from maillage.plan.links import PlanLinked


class Theme(models.Model):
    """A theme of the hub's needs, from its folder's `needs.yaml`."""

    slug = models.SlugField("identifiant", max_length=80, unique=True)
    name = models.CharField("nom", max_length=150)
    position = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "thème"
        verbose_name_plural = "thèmes"
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class Criterion(models.Model):
    """A criterion the hub's instance qualifies a need against (`needs.yaml`)."""

    slug = models.SlugField("identifiant", max_length=80, unique=True)
    name = models.CharField("critère", max_length=200)
    description = models.TextField("précision", blank=True)
    # A need that does not meet a required criterion cannot be qualified.
    required = models.BooleanField("obligatoire", default=True)
    position = models.PositiveSmallIntegerField("ordre", default=0)
    is_active = models.BooleanField("en vigueur", default=True)

    class Meta:
        verbose_name = "critère de qualification"
        verbose_name_plural = "critères de qualification"
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class NeedQuerySet(models.QuerySet["Need"]):
    def listed(self) -> NeedQuerySet:
        """Confirmed by whoever submitted it, and not merged into another."""
        return self.filter(confirmed_at__isnull=False, merged_into__isnull=True)

    def public(self) -> NeedQuerySet:
        return self.listed().filter(visibility=Visibility.PUBLIC)

    def visible_to(self, user: Any) -> NeedQuerySet:
        """Staff see every need; current members (ADR 0018) the members-only ones too; anyone
        signed in, the needs they expressed themselves."""
        if not user.is_authenticated:
            return self.public()
        if user.is_hub_staff:
            return self.listed()
        shown = [Visibility.PUBLIC, Visibility.MEMBERS] if user.is_member else [Visibility.PUBLIC]
        return self.listed().filter(Q(visibility__in=shown) | Q(submitted_by=user))

    def awaiting_qualification(self) -> NeedQuerySet:
        return self.listed().filter(status=NeedStatus.SUBMITTED)

    def open(self) -> NeedQuerySet:
        return self.exclude(status__in=CLOSED)

    def with_counts(self) -> NeedQuerySet:
        return self.annotate(
            support_count=models.Count("supports", distinct=True),
        )


class Need(PlanLinked):
    """A need of the territory, followed from the moment it is expressed to its response."""

    title = models.CharField("titre", max_length=200)
    description = models.TextField("description")
    communes = models.ManyToManyField(
        "territory.Commune", verbose_name="communes", blank=True, related_name="needs"
    )
    themes = models.ManyToManyField(Theme, verbose_name="thèmes", blank=True, related_name="needs")
    expressed_by = models.CharField(
        "exprimé par", max_length=20, choices=ExpressedBy.choices, default=ExpressedBy.INHABITANT
    )
    # The workshop, the elected official's mandate, the signal: in the hub's words.
    source_detail = models.CharField("précision sur l’origine", max_length=200, blank=True)
    organisation = models.ForeignKey(
        "directory.LegalUnit",
        verbose_name="structure à l’origine",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="expressed_needs",
    )
    working_group = models.ForeignKey(
        "working_groups.WorkingGroup",
        verbose_name="groupe de travail à l’origine",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="expressed_needs",
    )
    visibility = models.CharField(
        "visibilité", max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    status = models.CharField(
        "étape", max_length=20, choices=NeedStatus.choices, default=NeedStatus.SUBMITTED
    )
    status_changed_on = models.DateField("étape franchie le", default=timezone.localdate)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="compte qui l’a déposé",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submitted_needs",
    )
    # A submission without an account: the address its confirmation link went to.
    contact_email = models.EmailField("adresse de contact", blank=True)
    contact_name = models.CharField("nom de contact", max_length=150, blank=True)
    # Only the hash of the link's token is kept: the database alone cannot confirm a need.
    confirmation_hash = models.CharField(max_length=64, blank=True, editable=False)
    confirmed_at = models.DateTimeField("confirmé le", null=True, blank=True)
    created_at = models.DateTimeField("déposé le", default=timezone.now, editable=False)
    merged_into = models.ForeignKey(
        "self",
        verbose_name="fusionné dans",
        # A kept need goes only with its duplicates (the demo's renewal deletes both at once).
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="merged_needs",
    )
    # The response, as it is built.
    response_summary = models.TextField("la réponse", blank=True)
    response_groups = models.ManyToManyField(
        "working_groups.WorkingGroup",
        verbose_name="groupes de travail",
        blank=True,
        related_name="answered_needs",
    )
    response_cases = models.ManyToManyField(
        "journeys.SupportCase",
        verbose_name="accompagnements",
        blank=True,
        related_name="answered_needs",
    )
    response_services = models.ManyToManyField(
        "services.Service",
        verbose_name="services de l’offre",
        blank=True,
        related_name="answered_needs",
    )
    response_activities = models.ManyToManyField(
        "activities.Activity",
        verbose_name="activités",
        blank=True,
        related_name="answered_needs",
    )
    submission_token = token_field()

    objects = NeedQuerySet.as_manager()

    class Meta:
        verbose_name = "besoin"
        verbose_name_plural = "besoins"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(merged_into=models.F("pk")), name="need_not_merged_into_itself"
            ),
        ]
        indexes = [
            # The public list and the qualification queue.
            models.Index(fields=["status", "visibility"], name="need_status_visibility"),
            models.Index(fields=["confirmation_hash"], name="need_confirmation_hash"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("needs:detail", args=[self.pk])

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def is_merged(self) -> bool:
        return self.merged_into_id is not None

    @property
    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC

    @property
    def is_private(self) -> bool:
        return self.visibility == Visibility.PRIVATE

    @property
    def is_members(self) -> bool:
        return self.visibility == Visibility.MEMBERS

    @property
    def is_submitted(self) -> bool:
        return self.status == NeedStatus.SUBMITTED

    @property
    def is_set_aside(self) -> bool:
        return self.status == NeedStatus.SET_ASIDE

    @property
    def is_answered(self) -> bool:
        return self.status == NeedStatus.ANSWERED

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED

    @property
    def is_from_organisation(self) -> bool:
        return self.expressed_by == ExpressedBy.ORGANISATION

    @property
    def step_number(self) -> int:
        """1 to 6 along the path; 0 for a need set aside."""
        return PATH.index(NeedStatus(self.status)) + 1 if self.status in PATH else 0

    @property
    def origin_text(self) -> str:
        """« Une structure de l’annuaire : Le Champ Commun »."""
        who = self.organisation or self.working_group or self.source_detail
        label = ExpressedBy(self.expressed_by).label
        return f"{label} : {who}" if who else label


class Step(models.Model):
    """One move of a need along its lifecycle: when, by whom, why (never edited)."""

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="steps")
    from_status = models.CharField("de", max_length=20, choices=NeedStatus.choices, blank=True)
    to_status = models.CharField("à", max_length=20, choices=NeedStatus.choices)
    decided_on = models.DateField("décidé le")
    decided_at = models.DateTimeField("enregistré le", default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="décidé par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Who decided as the history shows it (« Instance du pôle », « Groupe mobilité »).
    decided_by_label = models.CharField("instance", max_length=150, blank=True)
    reason = models.TextField("pourquoi")
    # The steps jumped over, each needing the reason given.
    skipped = models.JSONField("étapes sautées", default=list, blank=True)
    # At qualification: the name of each criterion and whether it was met.
    criteria = models.JSONField("critères", default=list, blank=True)

    class Meta:
        verbose_name = "étape d’un besoin"
        verbose_name_plural = "étapes des besoins"
        ordering = ["need", "decided_at", "pk"]

    def __str__(self) -> str:
        return f"{self.need} : {self.get_to_status_display()}"

    @property
    def is_skip(self) -> bool:
        return bool(self.skipped)

    @property
    def skipped_labels(self) -> list[str]:
        return [NeedStatus(status).label for status in self.skipped]


class Support(models.Model):
    """A person with an account supports a need: once (database constraint)."""

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="need_supports"
    )
    created_at = models.DateTimeField("soutenu le", default=timezone.now)

    class Meta:
        verbose_name = "soutien"
        verbose_name_plural = "soutiens"
        constraints = [
            models.UniqueConstraint(fields=["need", "user"], name="need_support_once_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.need}"


class CommentQuerySet(models.QuerySet["Comment"]):
    def published(self) -> CommentQuerySet:
        return self.filter(status=CommentStatus.PUBLISHED)

    def pending(self) -> CommentQuerySet:
        return self.filter(status=CommentStatus.PENDING)


class Comment(models.Model):
    """A comment on a need, shown once the staff published it."""

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="auteur",
        on_delete=models.CASCADE,
        related_name="need_comments",
    )
    body = models.TextField("commentaire")
    status = models.CharField(
        "statut", max_length=20, choices=CommentStatus.choices, default=CommentStatus.PENDING
    )
    created_at = models.DateTimeField("écrit le", default=timezone.now)
    moderated_at = models.DateTimeField("modéré le", null=True, blank=True)
    submission_token = token_field()

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = "commentaire"
        verbose_name_plural = "commentaires"
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.author} sur {self.need}"

    @property
    def is_pending(self) -> bool:
        return self.status == CommentStatus.PENDING

    @property
    def is_published(self) -> bool:
        return self.status == CommentStatus.PUBLISHED

    @property
    def author_name(self) -> str:
        """The first name only: the page is public, the address never shown."""
        full_name = self.author.full_name.strip()
        return full_name.split(" ")[0] if full_name else "Une personne inscrite"


class HelpOffer(models.Model):
    """An organisation says « nous pouvons aider », and with what."""

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="help_offers")
    legal_unit = models.ForeignKey(
        "directory.LegalUnit",
        verbose_name="structure",
        on_delete=models.CASCADE,
        related_name="need_help_offers",
    )
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="déclaré par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    what = models.TextField("ce que la structure peut apporter")
    created_at = models.DateTimeField("proposé le", default=timezone.now)

    class Meta:
        verbose_name = "proposition d’aide"
        verbose_name_plural = "propositions d’aide"
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["need", "legal_unit"], name="need_help_once_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.legal_unit} → {self.need}"


class Candidate(models.Model):
    """A group of signals staff accepted as a need or dismissed: never proposed again."""

    source = models.CharField("source", max_length=20, choices=SignalSource.choices)
    # Folded words, theme and commune: what groups the signals (see signals.py).
    key = models.CharField("clé", max_length=300)
    decision = models.CharField("décision", max_length=20, choices=CandidateDecision.choices)
    decided_at = models.DateTimeField("décidé le", default=timezone.now)
    need = models.ForeignKey(
        Need, verbose_name="besoin créé", on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        verbose_name = "signal examiné"
        verbose_name_plural = "signaux examinés"
        constraints = [
            models.UniqueConstraint(fields=["source", "key"], name="need_candidate_decided_once")
        ]

    def __str__(self) -> str:
        return f"{self.get_source_display()} : {self.key}"
