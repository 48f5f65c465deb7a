"""Asking for a computation or a vintage's preparation: record it, then queue it (plain
arguments, no request; the task gets the record's id only)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from django.db import transaction

from maillage.accounts.models import User
from maillage.observatory.enums import SourceKind
from maillage.observatory.errors import SnapshotRefused
from maillage.observatory.models import PreparedVintage, SnapshotRun
from maillage.observatory.tasks import compute_snapshot_task, prepare_vintage_task
from maillage.observatory.vintages import request_preparation


def request_snapshot(
    kind: SourceKind,
    user: User | None = None,
    establishments: str = "",
    units: str = "",
    data_date: date | None = None,
    vintage: PreparedVintage | None = None,
) -> SnapshotRun:
    if kind == SourceKind.SIRENE and not (establishments and units) and vintage is None:
        raise SnapshotRefused("Indiquez le fichier des établissements et celui des unités légales.")
    if SnapshotRun.objects.unfinished().filter(source_kind=kind).exists():
        raise SnapshotRefused("Un calcul de cette source est déjà en cours : attendez sa fin.")
    run = SnapshotRun.objects.create(
        source_kind=kind,
        establishments_path=establishments,
        units_path=units,
        data_date=vintage.data_date if vintage else data_date,
        vintage=vintage,
        requested_by=user,
    )
    transaction.on_commit(lambda: compute_snapshot_task.enqueue(run.pk))
    return run


def request_vintage(
    establishments: Path, units: Path, data_date: date, user: User | None = None
) -> PreparedVintage:
    vintage = request_preparation(establishments, units, data_date, user)
    transaction.on_commit(lambda: prepare_vintage_task.enqueue(vintage.pk))
    return vintage
