"""Background work of the directory: uploaded imports and reminders, never on a request."""

from __future__ import annotations

from pathlib import Path

from django_tasks import task

from maillage.directory.enums import ImportKind, ImportStatus
from maillage.directory.models import ImportRun
from maillage.directory.sources.base import into_run
from maillage.directory.sources.errors import ImportRefused
from maillage.directory.sources.gogocarto import GogocartoImporter
from maillage.directory.sources.rna import RnaImporter
from maillage.directory.sources.sirene import SireneImporter
from maillage.directory.sources.spreadsheet import SpreadsheetImporter
from maillage.directory.stewardship.duplicates import find_duplicates
from maillage.directory.stewardship.staleness import remind_representatives
from maillage.territory.models import Territory


@task()
def run_import(run_id: int) -> None:
    """Import the file uploaded into ImportRun `run_id`, filling that run's report."""
    run = ImportRun.objects.get(pk=run_id)
    territory = run.territory or Territory.objects.default()
    try:
        with into_run(run):
            _import(run, territory)
    except ImportRefused:
        return  # the importer recorded the refusal in the run
    except Exception as error:
        ImportRun.objects.filter(pk=run_id).update(
            status=ImportStatus.FAILED, message=f"Erreur inattendue : {error}"[:2000]
        )
        raise
    find_duplicates()


def _import(run: ImportRun, territory: Territory) -> None:
    path = Path(run.upload.path)
    if run.kind == ImportKind.SIRENE_ESTABLISHMENTS:
        units = Path(run.second_upload.path) if run.second_upload else None
        SireneImporter(territory).run(path, units)
    elif run.kind == ImportKind.RNA:
        RnaImporter(territory).run(path)
    elif run.kind == ImportKind.GOGOCARTO:
        GogocartoImporter(territory).run(path)
    elif run.kind == ImportKind.SPREADSHEET:
        SpreadsheetImporter(territory).run(path)
    else:
        raise ValueError(f"unknown import kind {run.kind}")


@task()
def remind_stale_entries() -> int:
    return remind_representatives()
