"""Background work of the address book: contact imports, and the retention purge (daily)."""

from __future__ import annotations

from django_tasks import task

from maillage.network.people.importing.receiving import read_uploaded
from maillage.network.people.importing.running import run_queued_import
from maillage.network.people.retention import purge_inactive


@task()
def purge_inactive_contacts() -> dict[str, int]:
    return purge_inactive().as_dict()


@task()
def read_contact_sheet(import_id: int) -> bool:
    """Read the sheet uploaded into ContactImport `import_id`, or refuse it."""
    return read_uploaded(import_id)


@task()
def import_contacts(import_id: int) -> dict[str, int] | None:
    """Import the rows of ContactImport `import_id`, queued once staff confirmed the mapping."""
    report = run_queued_import(import_id)
    if report is None:
        return None
    return {"created": report.created, "updated": report.updated, "rejected": len(report.rejected)}
