"""Snapshot computations queued from the staff page, run by the task worker."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from django.utils import timezone
from django_tasks import task

from maillage.observatory.enums import RunStatus, SourceKind
from maillage.observatory.errors import SnapshotRefused
from maillage.observatory.figures.compute import (
    compute_from_directory,
    compute_from_sirene,
    compute_from_vintage,
)
from maillage.observatory.models import PreparedVintage, Snapshot, SnapshotRun
from maillage.observatory.vintages import prepare


@task()
def compute_snapshot_task(run_id: int) -> None:
    run = SnapshotRun.objects.select_related("vintage").get(pk=run_id)
    SnapshotRun.objects.filter(pk=run_id).update(status=RunStatus.RUNNING)
    try:
        if run.vintage is not None:
            snapshot = compute_from_vintage(run.vintage)
        else:
            snapshot = run_computation(
                run.source_kind, run.establishments_path, run.units_path, run.data_date
            )
    except SnapshotRefused as refusal:
        _finish(run_id, RunStatus.FAILED, str(refusal))
        return
    except Exception as error:
        _finish(run_id, RunStatus.FAILED, f"Erreur inattendue : {error}")
        raise
    _finish(run_id, RunStatus.SUCCEEDED, "", snapshot.pk)


def run_computation(kind: str, establishments: str, units: str, data_date: date | None) -> Snapshot:
    if kind == SourceKind.DIRECTORY:
        return compute_from_directory(data_date=data_date)
    return compute_from_sirene([Path(establishments)], [Path(units)], data_date)


def _finish(run_id: int, status: RunStatus, message: str, snapshot_id: int | None = None) -> None:
    SnapshotRun.objects.filter(pk=run_id).update(
        status=status, message=message, snapshot_id=snapshot_id, finished_at=timezone.now()
    )


@task()
def prepare_vintage_task(vintage_id: int) -> None:
    """Prepare a vintage; a refusal is already written on it for the staff page."""
    try:
        prepare(PreparedVintage.objects.get(pk=vintage_id))
    except SnapshotRefused:
        return
