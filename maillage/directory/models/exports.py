"""Exports of the directory too large to write during a request: the task worker writes them
to a private file, staff follow the rows written and download the file."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from maillage.core.form_tokens import token_field
from maillage.core.storage import PrivateStorage
from maillage.directory.enums import ExportFormat, ExportStatus

STORAGE = PrivateStorage("DIRECTORY_EXPORTS_ROOT")


def export_path(instance: DirectoryExport, filename: str) -> str:
    return f"exports/{filename}"


class DirectoryExportQuerySet(models.QuerySet):
    def latest_first(self) -> DirectoryExportQuerySet:
        return self.order_by("-requested_at", "-pk")


class DirectoryExport(models.Model):
    """One file of the published entries a list's filters select, in one format."""

    file_format = models.CharField("format", max_length=30, choices=ExportFormat.choices)
    # The filters as the list's query string (« famille=cooperative&commune=35236 »).
    filters = models.CharField("filtres", max_length=2000, blank=True)
    status = models.CharField(
        "état", max_length=10, choices=ExportStatus.choices, default=ExportStatus.QUEUED
    )
    rows_total = models.PositiveIntegerField("lignes à écrire", default=0)
    rows_done = models.PositiveIntegerField("lignes écrites", default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="demandé par",
    )
    requested_at = models.DateTimeField("demandé le", auto_now_add=True)
    finished_at = models.DateTimeField("terminé le", null=True, blank=True)
    message = models.TextField(blank=True)
    file = models.FileField(storage=STORAGE, upload_to=export_path, max_length=200, blank=True)
    task_id = models.CharField(max_length=64, blank=True, editable=False)
    submission_token = token_field()

    objects = DirectoryExportQuerySet.as_manager()

    class Meta:
        verbose_name = "export de l’annuaire"
        verbose_name_plural = "exports de l’annuaire"

    def __str__(self) -> str:
        return f"Export n° {self.pk} ({self.get_file_format_display()})"

    @property
    def is_under_way(self) -> bool:
        return self.status in (ExportStatus.QUEUED, ExportStatus.RUNNING)

    @property
    def is_done(self) -> bool:
        return self.status == ExportStatus.DONE

    @property
    def is_failed(self) -> bool:
        return self.status == ExportStatus.FAILED

    @property
    def format(self) -> ExportFormat:
        return ExportFormat(self.file_format)

    def download_name(self) -> str:
        """« annuaire-ess-export-12.csv »."""
        return f"annuaire-ess-export-{self.pk}.{self.file_format}"


class PublishedExportState(models.Model):
    """One row: when the public files of the whole directory were last written, and whether a
    rewrite is queued (`exports/published.py`). The files themselves live beside the staff
    exports, in DIRECTORY_EXPORTS_ROOT."""

    pending = models.BooleanField(default=False)
    built_at = models.DateTimeField(null=True, blank=True)
    rows = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"fichiers publics écrits le {self.built_at}"
