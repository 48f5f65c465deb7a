"""Asking for a computation: record the run, then queue it (plain arguments, no request)."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from maillage.accounts.models import User
from maillage.observatory.enums import SourceKind
from maillage.observatory.errors import SnapshotRefused
from maillage.observatory.models import SnapshotRun
from maillage.observatory.tasks import compute_snapshot_task


def request_snapshot(
    kind: SourceKind,
    user: User | None = None,
    establishments: str = "",
    units: str = "",
    data_date: date | None = None,
) -> SnapshotRun:
    if kind == SourceKind.SIRENE and not (establishments and units):
        raise SnapshotRefused("Indiquez le fichier des établissements et celui des unités légales.")
    if SnapshotRun.objects.unfinished().filter(source_kind=kind).exists():
        raise SnapshotRefused("Un calcul de cette source est déjà en cours : attendez sa fin.")
    run = SnapshotRun.objects.create(
        source_kind=kind,
        establishments_path=establishments,
        units_path=units,
        data_date=data_date,
        requested_by=user,
    )
    transaction.on_commit(lambda: compute_snapshot_task.enqueue(run.pk))
    return run
