"""Asking for the files of a frozen version: once, whatever the number of clicks."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from maillage.reports.annual.models import FrozenVersion
from maillage.reports.report_files.enums import GenerationStatus
from maillage.reports.report_files.models import ReportFiles
from maillage.reports.report_files.tasks import generate_report_files


def request_files(version: FrozenVersion) -> ReportFiles:
    """Queue the writing of the version's files, unless they are written or being written: a
    frozen version's files never change, and two clicks queue one task."""
    with transaction.atomic():
        files, created = ReportFiles.objects.select_for_update().get_or_create(
            version=version, defaults={"queued_at": timezone.now()}
        )
        if not created and files.status != GenerationStatus.FAILED:
            return files
        files.status, files.steps_done, files.message = GenerationStatus.QUEUED, 0, ""
        files.queued_at, files.task_id = timezone.now(), ""
        files.save()
        pk = files.pk
        transaction.on_commit(lambda: _enqueue(pk))
    return files


def _enqueue(pk: int) -> None:
    result = generate_report_files.enqueue(pk)
    ReportFiles.objects.filter(pk=pk, task_id="").update(task_id=result.id)
