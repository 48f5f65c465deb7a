"""The runs that import files into the directory, and the lines they rejected."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from maillage.directory.enums import ImportKind, ImportStatus, RowOutcome
from maillage.territory.models import Territory


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

    objects = ImportRunQuerySet.as_manager()

    class Meta:
        verbose_name = "import"
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.file_name}"

    @property
    def is_running(self) -> bool:
        return self.status == ImportStatus.RUNNING


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
