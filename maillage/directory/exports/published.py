"""The public files of the whole directory (CSV, ODS, GeoJSON, data·inclusion), written by the
task worker after the directory changes and served as files (ADR 0019).

Streamed in the request, 200,000 rows took 20 to 25 s and an app server's timeout cut the file
after its 200 status. Instead:
- every save or deletion of an entry, a legal unit or a theme, and the bulk paths that skip
  them, call `mark_stale` in their transaction: the first change after a build queues one
  rewrite once the transaction commits, the next ones find it queued (one rewrite per burst,
  as the map's counts do); the worker waits `SETTLE_SECONDS` before it starts, so that a burst
  of edits is read once. Changes made during a rewrite queue the next one;
- each file is written to a temporary file of the same folder, then renamed over the old one:
  a download gets the old file or the new one, whole, never a half-written one;
- until a first build, nothing is queued by changes (no files, nothing to keep in step): the
  first download asks for it and is told in French to come back (`request_build`).
Unlisting or erasing an entry is a save: the files lose it at the next rewrite.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from maillage.directory.enums import ExportFormat
from maillage.directory.exports.public import iter_public_records
from maillage.directory.exports.writing import selected, write_file
from maillage.directory.models import PublishedExportState
from maillage.hub import current_hub

STATE_PK = 1
SETTLE_SECONDS = 30
FORMATS = (ExportFormat.CSV, ExportFormat.ODS, ExportFormat.GEOJSON, ExportFormat.DATA_INCLUSION)


@dataclass(frozen=True)
class PublishedFile:
    path: Path
    name: str  # the name the download takes
    modified: datetime


def folder() -> Path:
    return Path(settings.DIRECTORY_EXPORTS_ROOT) / "public"


def download_name(file_format: ExportFormat) -> str:
    """« annuaire-ess-cades.csv », « annuaire-ess-cades-data-inclusion.json »."""
    suffix = (
        "-data-inclusion.json" if file_format is ExportFormat.DATA_INCLUSION else f".{file_format}"
    )
    return f"annuaire-ess-{slugify(current_hub().identity.name) or 'pole'}{suffix}"


def published_file(file_format: ExportFormat) -> PublishedFile | None:
    """The last file written in this format, or None before the first build."""
    name = download_name(file_format)
    path = folder() / name
    try:
        modified = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    except FileNotFoundError:
        return None
    return PublishedFile(path, name, modified)


def mark_stale() -> None:
    """The directory changed: once files exist, queue one rewrite for this burst of changes."""
    claimed = PublishedExportState.objects.filter(
        pk=STATE_PK, pending=False, built_at__isnull=False
    ).update(pending=True)
    if claimed:
        transaction.on_commit(_enqueue_settled)


def request_build() -> None:
    """A download found no file: queue the first build, unless one is queued already."""
    PublishedExportState.objects.get_or_create(pk=STATE_PK)
    if PublishedExportState.objects.filter(pk=STATE_PK, pending=False).update(pending=True):
        transaction.on_commit(_enqueue_now)


def _enqueue_settled() -> None:
    _enqueue(SETTLE_SECONDS)


def _enqueue_now() -> None:
    _enqueue(0)


def _enqueue(delay: int) -> None:
    from maillage.directory.tasks import rebuild_published_exports

    task = rebuild_published_exports
    if delay and task.get_backend().supports_defer:  # let the burst of changes end first
        task = task.using(run_after=timezone.now() + timedelta(seconds=delay))
    task.enqueue()


def rebuild() -> int:
    """Write every public file again; the number of entries in the CSV."""
    PublishedExportState.objects.get_or_create(pk=STATE_PK)
    # Changes from now on queue another rewrite; those before are read below.
    PublishedExportState.objects.filter(pk=STATE_PK).update(pending=False)
    folder().mkdir(parents=True, exist_ok=True)
    rows = 0
    for file_format in FORMATS:
        written = _write_atomically(file_format)
        if file_format is ExportFormat.CSV:
            rows = written
    PublishedExportState.objects.filter(pk=STATE_PK).update(built_at=timezone.now(), rows=rows)
    return rows


class _Counted:
    def __init__(self, records):
        self.records, self.count = records, 0

    def __iter__(self):
        for record in self.records:
            self.count += 1
            yield record


def _write_atomically(file_format: ExportFormat) -> int:
    target = folder() / download_name(file_format)
    records = _Counted(iter_public_records(selected(file_format, "")))
    with tempfile.NamedTemporaryFile(dir=folder(), prefix=".en-cours-", delete=False) as file:
        try:
            write_file(file_format, records, file)
            file.flush()
            os.fsync(file.fileno())
        except BaseException:
            os.unlink(file.name)
            raise
    os.chmod(file.name, 0o644)
    os.replace(file.name, target)
    return records.count


def _changed(sender, **kwargs) -> None:
    mark_stale()


def connect() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from maillage.directory.models import Establishment, LegalUnit, Theme

    for model in (Establishment, LegalUnit, Theme):
        name = model.__name__
        post_save.connect(_changed, sender=model, dispatch_uid=f"published_exports_{name}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"published_exports_del_{name}")
    m2m_changed.connect(
        _changed, sender=Establishment.themes.through, dispatch_uid="published_exports_themes"
    )
