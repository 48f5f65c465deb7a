"""A support case: a project holder (a person or a collective), its project and its journey."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from maillage.core.form_tokens import token_field
from maillage.core.storage import PrivateStorage
from maillage.plan.links import PlanLinked
from maillage.support.journeys.enums import ProjectKind
from maillage.support.journeys.models.stages import Stage


class SupportCaseQuerySet(models.QuerySet):
    def open(self) -> SupportCaseQuerySet:
        return self.filter(closed_on__isnull=True)

    def closed(self) -> SupportCaseQuerySet:
        return self.filter(closed_on__isnull=False)

    def past_retention(self, cutoff: date) -> SupportCaseQuerySet:
        """Closed before `cutoff` and not anonymised yet."""
        return self.filter(closed_on__lt=cutoff, anonymised_on__isnull=True)


class SupportCase(PlanLinked):
    """A person or a collective the hub accompanies with a project."""

    title = models.CharField("intitulé du projet", max_length=200)
    description = models.TextField("description du projet", blank=True)
    kind = models.CharField("type de projet", max_length=30, choices=ProjectKind.choices)
    # The sector: a NAF rév. 2 section letter, or a theme of the directory, or both.
    naf_section = models.CharField("secteur d’activité (section NAF)", max_length=1, blank=True)
    theme = models.ForeignKey(
        "directory.Theme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="thématique",
    )
    commune = models.ForeignKey(
        "territory.Commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="commune du projet",
    )
    holders = models.ManyToManyField(
        "people.Person", blank=True, related_name="support_cases", verbose_name="porteurs"
    )
    organisations = models.ManyToManyField(
        "directory.LegalUnit",
        blank=True,
        related_name="support_cases",
        verbose_name="structures porteuses",
    )
    contact_sharing_agreed = models.BooleanField(
        "coordonnées transmissibles aux partenaires",
        default=False,
        help_text="Les porteurs acceptent que leurs coordonnées soient transmises aux "
        "partenaires vers lesquels le pôle les oriente.",
    )
    stage = models.ForeignKey(
        Stage, on_delete=models.PROTECT, related_name="cases", verbose_name="étape"
    )
    staff_in_charge = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="support_cases",
        verbose_name="suivi par",
    )
    opened_on = models.DateField("ouvert le", default=timezone.localdate)
    closed_on = models.DateField("clos le", null=True, blank=True, editable=False)
    # Set by the retention purge: the case keeps its figures, nothing about its people.
    anonymised_on = models.DateField("anonymisé le", null=True, blank=True, editable=False)
    notes = models.TextField("notes de l’équipe", blank=True)
    # The one-time token of the form that created the row: a replayed submit finds it.
    submission_token = token_field()
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    objects = SupportCaseQuerySet.as_manager()

    class Meta:
        verbose_name = "dossier d’accompagnement"
        verbose_name_plural = "dossiers d’accompagnement"
        ordering = ["-opened_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=F("opened_on")),
                name="support_case_closed_after_opening",
            ),
        ]
        indexes = [models.Index(fields=["closed_on", "stage"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("journeys:case", args=[self.pk])

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None


class StageChange(models.Model):
    """The case entered `stage` on `changed_on`; consecutive rows give the time per stage."""

    case = models.ForeignKey(
        SupportCase, on_delete=models.CASCADE, related_name="stage_changes", verbose_name="dossier"
    )
    stage = models.ForeignKey(
        Stage, on_delete=models.PROTECT, related_name="changes", verbose_name="étape"
    )
    changed_on = models.DateField("date")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="par",
    )
    created_at = models.DateTimeField("enregistré le", auto_now_add=True)

    class Meta:
        verbose_name = "changement d’étape"
        verbose_name_plural = "changements d’étape"
        ordering = ["case", "changed_on", "pk"]

    def __str__(self) -> str:
        return f"{self.case_id} → {self.stage} ({self.changed_on:%d/%m/%Y})"


class Appointment(models.Model):
    case = models.ForeignKey(
        SupportCase, on_delete=models.CASCADE, related_name="appointments", verbose_name="dossier"
    )
    held_on = models.DateField("date du rendez-vous")
    with_whom = models.CharField("avec qui", max_length=200)
    notes = models.TextField("compte rendu", blank=True)
    submission_token = token_field()
    created_at = models.DateTimeField("enregistré le", auto_now_add=True)

    class Meta:
        verbose_name = "rendez-vous"
        verbose_name_plural = "rendez-vous"
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"Rendez-vous du {self.held_on:%d/%m/%Y}"


class CaseNote(models.Model):
    case = models.ForeignKey(
        SupportCase, on_delete=models.CASCADE, related_name="case_notes", verbose_name="dossier"
    )
    text = models.TextField("note")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="auteur",
    )
    submission_token = token_field()
    created_at = models.DateTimeField("écrite le", auto_now_add=True)

    class Meta:
        verbose_name = "note de suivi"
        verbose_name_plural = "notes de suivi"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Note du {self.created_at:%d/%m/%Y}"


def document_path(document: CaseDocument, filename: str) -> str:
    # One folder per upload, so two files of the same name never overwrite each other.
    return f"{uuid.uuid4().hex}/{PurePath(filename).name}"


class CaseDocument(models.Model):
    case = models.ForeignKey(
        SupportCase, on_delete=models.CASCADE, related_name="documents", verbose_name="dossier"
    )
    title = models.CharField("titre", max_length=200)
    file = models.FileField(
        "fichier",
        upload_to=document_path,
        storage=PrivateStorage("SUPPORT_DOCUMENTS_ROOT"),
        max_length=300,
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="déposé par",
    )
    submission_token = token_field()
    uploaded_at = models.DateTimeField("déposé le", auto_now_add=True)

    class Meta:
        verbose_name = "document"
        verbose_name_plural = "documents"
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def filename(self) -> str:
        return PurePath(self.file.name).name if self.file else ""


class NextStepQuerySet(models.QuerySet):
    def pending(self) -> NextStepQuerySet:
        return self.filter(done_on__isnull=True)

    def due_by(self, day: date) -> NextStepQuerySet:
        return self.pending().filter(due_on__lte=day)

    def not_reminded(self) -> NextStepQuerySet:
        return self.filter(reminded_at__isnull=True)


class NextStep(models.Model):
    case = models.ForeignKey(
        SupportCase, on_delete=models.CASCADE, related_name="next_steps", verbose_name="dossier"
    )
    title = models.CharField("prochaine étape", max_length=300)
    due_on = models.DateField("échéance")
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="support_next_steps",
        verbose_name="confiée à",
    )
    created_on = models.DateField("créée le", default=timezone.localdate, editable=False)
    done_on = models.DateField("faite le", null=True, blank=True)
    # Set when the reminder is claimed: a second run of the job never sends it again.
    reminded_at = models.DateTimeField("rappel envoyé le", null=True, blank=True, editable=False)
    submission_token = token_field()

    objects = NextStepQuerySet.as_manager()

    class Meta:
        verbose_name = "prochaine étape"
        verbose_name_plural = "prochaines étapes"
        ordering = ["done_on", "due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_on__gte=F("created_on")), name="next_step_due_after_creation"
            ),
        ]

    def __str__(self) -> str:
        return self.title
