"""The files of a frozen version of the yearly report, written by the task worker.

They are kept privately (`core.storage`): a view checks who asks (staff, or anyone once the
version is published) before streaming one. A frozen version's content never changes and the
renderers give the same bytes for the same content, so the files need no backup: generating
them again gives them back.
"""

from __future__ import annotations

from django.db import models

from maillage.core.storage import PrivateStorage
from maillage.reports.report_files.enums import FileFormat, GenerationStatus

STORAGE = PrivateStorage("REPORT_FILES_ROOT")
# Building the document, then one step per file.
STEPS = 1 + len(FileFormat)


def file_path(instance: ReportFiles, filename: str) -> str:
    return f"rapports/{filename}"


class ReportFiles(models.Model):
    version = models.OneToOneField(
        "annual.FrozenVersion", on_delete=models.CASCADE, related_name="files"
    )
    status = models.CharField(
        "état", max_length=10, choices=GenerationStatus, default=GenerationStatus.QUEUED
    )
    steps_done = models.PositiveSmallIntegerField("étapes faites", default=0)
    task_id = models.CharField(max_length=64, blank=True)
    queued_at = models.DateTimeField("demandés le")
    finished_at = models.DateTimeField("terminés le", null=True, blank=True)
    message = models.TextField(blank=True)
    pdf = models.FileField(storage=STORAGE, upload_to=file_path, max_length=200, blank=True)
    odt = models.FileField(storage=STORAGE, upload_to=file_path, max_length=200, blank=True)
    docx = models.FileField(storage=STORAGE, upload_to=file_path, max_length=200, blank=True)
    annexes = models.FileField(storage=STORAGE, upload_to=file_path, max_length=200, blank=True)

    class Meta:
        verbose_name = "fichiers d’une version du rapport"
        verbose_name_plural = "fichiers des versions du rapport"

    def __str__(self) -> str:
        return f"Fichiers de {self.version}"

    @property
    def is_under_way(self) -> bool:
        return self.status in (GenerationStatus.QUEUED, GenerationStatus.RUNNING)

    @property
    def is_done(self) -> bool:
        return self.status == GenerationStatus.DONE

    @property
    def steps(self) -> int:
        return STEPS

    def file_of(self, file_format: FileFormat) -> models.fields.files.FieldFile:
        field: models.fields.files.FieldFile = getattr(self, file_format.value)
        return field

    def download_name(self, file_format: FileFormat) -> str:
        """« rapport-activite-2026-v2.pdf », « rapport-activite-2026-v2-annexes.zip »."""
        version = self.version
        stem = f"rapport-activite-{version.report.year}-v{version.number}"
        if file_format is FileFormat.ANNEXES:
            stem += "-annexes"
        return f"{stem}.{file_format.extension}"
