"""Writing a large export of the directory, in the task worker (`queueing.py` says when): the
file goes to private storage, the rows written are saved every `PROGRESS_EVERY` for the staff
page that follows it."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from django.core.files import File
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import timezone

from maillage.core.site import absolute_url
from maillage.directory.enums import ExportFormat, ExportStatus
from maillage.directory.exports import csv as csv_export
from maillage.directory.exports import ods
from maillage.directory.exports.data_inclusion import structures_text
from maillage.directory.exports.geojson import feature_collection_text
from maillage.directory.exports.public import iter_public_records
from maillage.directory.filters import parse_filters
from maillage.directory.models import DirectoryExport, Establishment

logger = logging.getLogger(__name__)

PROGRESS_EVERY = 2000

Writer = Callable[[Iterable[dict[str, Any]]], Iterator[str]]
# The formats written as text, chunk by chunk (they stream); ODS is a zip (`write_file`).
WRITERS: dict[ExportFormat, Writer] = {
    ExportFormat.CSV: csv_export.lines,
    ExportFormat.GEOJSON: feature_collection_text,
    ExportFormat.DATA_INCLUSION: lambda records: structures_text(records, absolute_url("/")),
}


def write_file(
    file_format: ExportFormat, records: Iterable[dict[str, Any]], file: IO[bytes]
) -> None:
    """The records in `file_format` into a binary, seekable file."""
    if file_format is ExportFormat.ODS:
        ods.write(records, file)
        return
    for chunk in WRITERS[file_format](records):
        file.write(chunk.encode())


def selected(file_format: ExportFormat, filters: str) -> QuerySet[Establishment]:
    """The published entries the list's query string selects (located ones for GeoJSON).
    Raises `FilterRefused` on a bad filter."""
    queryset = parse_filters(QueryDict(filters)).narrow(Establishment.objects.published())
    return queryset.located() if file_format is ExportFormat.GEOJSON else queryset


def write_export(export_id: int) -> None:
    """Write the export's file, saving the rows written as it goes. A finished export is left
    alone; one whose worker died is written again from the start."""
    claimed = DirectoryExport.objects.filter(
        pk=export_id, status__in=(ExportStatus.QUEUED, ExportStatus.RUNNING)
    ).update(status=ExportStatus.RUNNING, rows_done=0)
    if not claimed:
        return
    export = DirectoryExport.objects.get(pk=export_id)
    try:
        _write(export)
    except Exception:
        logger.exception("Directory export %s could not be written", export_id)
        DirectoryExport.objects.filter(pk=export_id).update(
            status=ExportStatus.FAILED,
            message="L’export a échoué ; vous pouvez le demander de nouveau.",
            finished_at=timezone.now(),
        )
        raise


def _write(export: DirectoryExport) -> None:
    queryset = selected(export.format, export.filters)
    total = queryset.count()
    DirectoryExport.objects.filter(pk=export.pk).update(rows_total=total)
    progress = _Progress(export.pk)
    with tempfile.TemporaryFile() as file:
        write_file(export.format, progress.counted(iter_public_records(queryset)), file)
        file.seek(0)
        export.file.delete(save=False)  # a retry replaces the file, never adds « _x8Yz » names
        export.file.save(export.download_name(), File(file), save=False)
    # The entries may have changed since the count: the file's own rows are the figure.
    DirectoryExport.objects.filter(pk=export.pk).update(
        status=ExportStatus.DONE,
        file=export.file.name,
        rows_total=progress.done,
        rows_done=progress.done,
        finished_at=timezone.now(),
    )


class _Progress:
    def __init__(self, export_id: int) -> None:
        self.export_id, self.done = export_id, 0

    def counted(self, records: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        """The records, the count written saved every PROGRESS_EVERY."""
        for record in records:
            yield record
            self.done += 1
            if self.done % PROGRESS_EVERY == 0:
                DirectoryExport.objects.filter(pk=self.export_id).update(rows_done=self.done)
