"""Handing uploaded files to the task worker, and handing an interrupted run back to it.

A worker killed in the middle of an import (out of memory, a restart) leaves its run RUNNING
and its task RUNNING forever: nothing in the task queue notices. A run with no progress for
STALE_AFTER is reaped here, its task marked failed, and staff may resume it: the worker carries
on after the last batch committed with the run's counts."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from maillage.core import stale_tasks
from maillage.directory.enums import ImportStatus
from maillage.directory.models import ImportRun
from maillage.directory.models.imports import STALE_AFTER
from maillage.directory.tasks import run_import

STOPPED = (
    "L’import s’est interrompu : le travail en arrière-plan s’est arrêté sans le finir (aucune "
    "avancée depuis plus de {minutes} minutes). Les lots déjà traités, jusqu’à la ligne {line} "
    "du fichier, sont enregistrés."
)


class AlreadyResumed(Exception):
    """The run carries on already (resumed by someone else, or still moving)."""


def queue(run: ImportRun) -> None:
    """Hand the (committed) run to the worker, keeping its task's id."""
    result = run_import.enqueue(run.pk)
    ImportRun.objects.filter(pk=run.pk, task_id="").update(task_id=str(result.id))


def reap_stale() -> int:
    """Mark failed the runs whose worker stopped (no progress for STALE_AFTER), and their
    tasks; return how many."""
    stale = ImportRun.objects.filter(
        status=ImportStatus.RUNNING, progressed_at__lt=timezone.now() - STALE_AFTER
    )
    minutes = int(STALE_AFTER.total_seconds() // 60)
    reaped = 0
    for run in stale.only("pk", "task_id", "resume_after_line"):
        message = STOPPED.format(minutes=minutes, line=run.resume_after_line)
        reaped += ImportRun.objects.filter(pk=run.pk, status=ImportStatus.RUNNING).update(
            status=ImportStatus.FAILED, finished_at=timezone.now(), message=message
        )
        stale_tasks.reap(run.task_id)
    return reaped


def resume(run: ImportRun) -> None:
    """Queue an interrupted run again, once whatever the number of clicks."""
    stalled = Q(status=ImportStatus.FAILED) | Q(
        status=ImportStatus.RUNNING, progressed_at__lt=timezone.now() - STALE_AFTER
    )
    with transaction.atomic():
        resumed = (
            ImportRun.objects.filter(stalled, pk=run.pk)
            .exclude(upload="")
            .update(
                status=ImportStatus.RUNNING,
                progressed_at=None,
                finished_at=None,
                message="",
                task_id="",
            )
        )
        if not resumed:
            raise AlreadyResumed("Cet import a déjà repris, ou avance encore.")
        stale_tasks.reap(run.task_id)
        transaction.on_commit(lambda: queue(run))
