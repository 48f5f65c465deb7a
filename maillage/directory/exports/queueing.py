"""When an export of the directory is written during the request, and when by the task worker.

A request streaming 200,000 rows lasts tens of seconds: an app server's timeout cuts it after its
200 status, and the file arrives short without anyone knowing. Up to `IN_REQUEST_MAX_ROWS`, the
file is streamed as the public exports are; past it, staff get a `DirectoryExport` that the
worker writes (`writing.py`) and their page follows until the file is ready.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from maillage.core.counting import count_up_to
from maillage.directory.enums import ExportFormat
from maillage.directory.models import DirectoryExport, Establishment
from maillage.directory.tasks import write_directory_export

# About half a second of writing (10,000 rows a second measured): more goes to the worker.
IN_REQUEST_MAX_ROWS = 5000


def fits_in_request(queryset: QuerySet[Establishment]) -> bool:
    return count_up_to(queryset, IN_REQUEST_MAX_ROWS).exact


def request_export(
    file_format: ExportFormat, filters: str, user: Any, token: str | None = None
) -> DirectoryExport:
    """A new export, queued for the worker once the request's transaction commits."""
    export = DirectoryExport.objects.create(
        file_format=file_format, filters=filters, requested_by=user, submission_token=token
    )
    pk = export.pk
    transaction.on_commit(lambda: _enqueue(pk))
    return export


def _enqueue(pk: int) -> None:
    result = write_directory_export.enqueue(pk)
    DirectoryExport.objects.filter(pk=pk, task_id="").update(task_id=result.id)
