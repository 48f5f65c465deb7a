"""The runs that import files into the directory, and the lines they rejected."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from maillage.core.form_tokens import token_field
from maillage.directory.enums import ImportKind, ImportStatus, RowOutcome
from maillage.territory.models import Territory

# A run with no progress for this long was stopped (its worker or its command killed).
STALE_AFTER = timedelta(minutes=10)


class ImportRunQuerySet(models.QuerySet):
    def latest_first(self) -> ImportRunQuerySet:
        return self.order_by("-started_at")


class ImportRun(models.Model):
    """One file read by one importer, with what it did to the directory."""

    kind = models.CharField("source", max_length=30, choices=ImportKind.choices)
    file_name = models.CharField("fichier", max_length=500)
    checksum = models.CharField("empreinte SHA-256", max_length=64, blank=True)
    territory = models.ForeignKey(
        Territory, on_delete=models.SET_NULL, null=True, blank=True, verbose_name="territoire"
    )
    status = models.CharField(
        "état", max_length=20, choices=ImportStatus.choices, default=ImportStatus.RUNNING
    )
    message = models.TextField("message", blank=True)
    started_at = models.DateTimeField("commencé le", auto_now_add=True)
    finished_at = models.DateTimeField("terminé le", null=True, blank=True)
    rows_read = models.PositiveIntegerField("lignes lues", default=0)
    rows_skipped = models.PositiveIntegerField(
        "lignes écartées (hors territoire ou ESS)", default=0
    )
    rows_created = models.PositiveIntegerField("créées", default=0)
    rows_updated = models.PositiveIntegerField("mises à jour", default=0)
    rows_unchanged = models.PositiveIntegerField("inchangées", default=0)
    rows_rejected = models.PositiveIntegerField("rejetées", default=0)
    rows_withdrawn = models.PositiveIntegerField("masquées (absentes de la source)", default=0)
    # Among the skipped rows, those of elsewhere: counted, never dropped silently.
    set_aside = models.PositiveIntegerField("écartées (hors du territoire)", default=0)
    # Among the landed entries: on the map (coordinates known), waiting for the geocoding of
    # their address, or waiting for staff to check them (family to verify, uncertain match).
    placed_on_map = models.PositiveIntegerField("placées sur la carte", default=0)
    awaiting_geocoding = models.PositiveIntegerField("en attente de géocodage", default=0)
    awaiting_review = models.PositiveIntegerField("à vérifier par l’équipe", default=0)
    # Resuming after a stop: the rows up to this line of the file are committed with the
    # counts above. The task worker's progress time tells a stopped run (no progress for
    # STALE_AFTER) from a slow one, and is the lease of the task that holds the run.
    resume_after_line = models.PositiveIntegerField("reprise après la ligne", default=0)
    progressed_at = models.DateTimeField("dernière avancée", null=True, blank=True)
    task_id = models.CharField("tâche", max_length=64, blank=True, editable=False)
    # Set when staff upload the file: the task worker imports it into this very run.
    upload = models.FileField("fichier déposé", upload_to="directory/imports/", blank=True)
    second_upload = models.FileField(
        "second fichier déposé (unités légales)", upload_to="directory/imports/", blank=True
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="déposé par",
    )
    # The one-time token of the upload form: the same upload sent twice is one run.
    submission_token = token_field()

    objects = ImportRunQuerySet.as_manager()

    class Meta:
        verbose_name = "import"
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.file_name}"

    @property
    def is_running(self) -> bool:
        return self.status == ImportStatus.RUNNING

    @property
    def is_interrupted(self) -> bool:
        """Stopped before its end: an unexpected error, or no progress for STALE_AFTER (the
        worker or the command was stopped)."""
        if self.status == ImportStatus.FAILED:
            return True
        last = self.progressed_at or self.started_at
        return self.is_running and last is not None and last < timezone.now() - STALE_AFTER

    @property
    def can_resume(self) -> bool:
        """An uploaded file is kept: the worker may carry on after the last committed batch."""
        return self.is_interrupted and bool(self.upload)

    @property
    def skipped_other(self) -> int:
        """Skipped for another reason than the territory: outside the ESS, closed."""
        return max(self.rows_skipped - self.set_aside, 0)


class ImportRejection(models.Model):
    run = models.ForeignKey(
        ImportRun, on_delete=models.CASCADE, related_name="rejections", verbose_name="import"
    )
    line = models.PositiveIntegerField("ligne")
    outcome = models.CharField(
        "issue", max_length=10, choices=RowOutcome.choices, default=RowOutcome.REJECTED
    )
    reason = models.CharField("motif", max_length=500)
    raw = models.TextField("contenu de la ligne", blank=True)

    class Meta:
        verbose_name = "ligne rejetée"
        verbose_name_plural = "lignes rejetées"
        ordering = ["run", "line"]

    def __str__(self) -> str:
        return f"ligne {self.line} : {self.reason}"
