"""Background work of the directory: uploaded imports and reminders, never on a request."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django_tasks import task

from maillage.directory import map_clusters, retention
from maillage.directory.enums import ImportKind, ImportStatus
from maillage.directory.exports import published
from maillage.directory.exports.writing import write_export
from maillage.directory.geocoding.tasks import geocode_addresses
from maillage.directory.models import ImportRun
from maillage.directory.sources.errors import ImportRefused
from maillage.directory.sources.gogocarto import GogocartoImporter
from maillage.directory.sources.rna import RnaImporter
from maillage.directory.sources.runs import Superseded, failures_recorded, into_run
from maillage.directory.sources.sirene import SireneImporter
from maillage.directory.sources.spreadsheet import SpreadsheetImporter
from maillage.directory.stewardship.duplicates import find_duplicates
from maillage.directory.stewardship.staleness import remind_representatives
from maillage.territory.models import Territory


@task()
def run_import(run_id: int) -> None:
    """Import the file uploaded into ImportRun `run_id`, filling that run's report; a resumed
    run carries on after its last committed batch."""
    run = ImportRun.objects.get(pk=run_id)
    territory = run.territory or Territory.objects.default()
    try:
        with failures_recorded(), into_run(run), map_clusters.counted_after():
            _import(run, territory)
    except (ImportRefused, Superseded):
        return  # the importer recorded the refusal; or another task carries the run on
    except Exception:
        ImportRun.objects.filter(pk=run_id, status=ImportStatus.RUNNING).update(
            status=ImportStatus.FAILED,
            message="L’import s’est arrêté sur une erreur inattendue avant de commencer : "
            "prévenez la personne qui administre la plateforme.",
        )
        raise
    find_duplicates()
    geocode_addresses.enqueue()  # entries that landed without coordinates


@contextmanager
def local_copy(field) -> Iterator[Path]:
    """The uploaded file as a local path, whatever the storage (object storage, memory)."""
    with tempfile.TemporaryDirectory(prefix="maillage-import-") as folder:
        path = Path(folder) / Path(field.name).name
        with field.open("rb") as source, path.open("wb") as target:
            shutil.copyfileobj(source, target)
        yield path


def _import(run: ImportRun, territory: Territory) -> None:
    with local_copy(run.upload) as path:
        if run.kind == ImportKind.SIRENE_ESTABLISHMENTS and run.second_upload:
            with local_copy(run.second_upload) as units:
                SireneImporter(territory).run(path, units)
        else:
            _import_one(run.kind, path, territory)


def _import_one(kind: str, path: Path, territory: Territory) -> None:
    if kind == ImportKind.SIRENE_ESTABLISHMENTS:
        SireneImporter(territory).run(path)
    elif kind == ImportKind.SIRENE_UNITS:
        SireneImporter(territory).run(None, path)
    elif kind == ImportKind.RNA:
        RnaImporter(territory).run(path)
    elif kind == ImportKind.GOGOCARTO:
        GogocartoImporter(territory).run(path)
    elif kind == ImportKind.SPREADSHEET:
        SpreadsheetImporter(territory).run(path)
    else:
        raise ValueError(f"unknown import kind {kind}")


@task()
def refresh_map_counts() -> int:
    """The map's counts of the tiles still dirty (a path that asked for no refresh, a renamed
    commune): the map groups their entries until then. How many tiles were counted."""
    return map_clusters.refresh()


@task()
def rebuild_published_exports() -> int:
    """The public files of the whole directory, after it changed (`exports/published.py`)."""
    return published.rebuild()


@task()
def write_directory_export(export_id: int) -> None:
    """A large export's file, for staff (`exports/queueing.py`)."""
    write_export(export_id)


@task()
def remind_stale_entries() -> int:
    return remind_representatives()


@task()
def purge_directory_records() -> dict[str, int]:
    """Old import reports (rejected lines, uploaded files), searches and decided requests."""
    return retention.purge_directory_records().as_dict()
