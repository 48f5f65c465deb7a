"""The run of one import: recorded from its start (command or upload alike), written batch by
batch so that a stopped worker leaves a run that resumes after its last committed batch, and
where a row that fails, whatever the reason, is a rejection with its line while the others land.

    for batch in report.batches(records):
        with transaction.atomic():
            for record in batch:
                with report.guarded(record.row):
                    write(record)
            report.checkpoint(batch)
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol, TypeVar

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from maillage.core.french import plural
from maillage.directory.enums import ImportKind, ImportStatus, RowOutcome
from maillage.directory.models import ImportRejection, ImportRun, LocationCheck
from maillage.directory.sources.errors import ImportRefused, RowError
from maillage.directory.sources.files import Row, Scan
from maillage.territory.models import Territory

logger = logging.getLogger(__name__)

# Rejected rows kept line by line; past this, they are counted only (a file of millions of
# broken rows must not fill the database with their copies).
REJECTIONS_KEPT = 10_000
CONFLICT = "conflit avec une fiche existante (une autre ligne ou une fiche déjà connue)"

# Runs made before the importer starts (an upload, a command): its report of the same kind
# fills that run instead of creating one (see `into_run`).
_PREPARED: ContextVar[dict[str, ImportRun] | None] = ContextVar("prepared_runs", default=None)
# The reports begun within `failures_recorded`, to mark failed if an error stops the import.
_BEGUN: ContextVar[list[Report] | None] = ContextVar("begun_reports", default=None)


class Superseded(Exception):
    """Staff resumed this run in another task: this one stops, its last batch undone."""


class HasRow(Protocol):
    @property
    def row(self) -> Row: ...


_Item = TypeVar("_Item", bound=HasRow)


@dataclass
class Report:
    """The counts and rejections of one file, kept in its ImportRun as the import goes."""

    kind: ImportKind
    path: Path
    territory: Territory | None
    scan: Scan = field(default_factory=Scan)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    withdrawn: int = 0  # entries hidden because a complete source no longer has them
    aside: int = 0  # rows of elsewhere, set aside
    placed_on_map: int = 0
    awaiting_geocoding: int = 0
    awaiting_review: int = 0
    run: ImportRun = field(init=False)
    resume_after: int = field(init=False, default=0)
    lease: datetime | None = field(init=False, default=None)
    pending: list[ImportRejection] = field(init=False, default_factory=list)
    checks: list[int] = field(default_factory=list)  # LocationCheck ids raised by this file

    def __post_init__(self) -> None:
        prepared = (_PREPARED.get() or {}).pop(self.kind, None)
        self.run = prepared or ImportRun.objects.create(
            kind=self.kind, file_name=self.path.name[:500], territory=self.territory
        )
        self.resume_after = self.run.resume_after_line
        if self.resume_after:  # carry on from the counts committed with the last batch
            self.created, self.updated = self.run.rows_created, self.run.rows_updated
            self.unchanged, self.rejected = self.run.rows_unchanged, self.run.rows_rejected
            self.aside, self.placed_on_map = self.run.set_aside, self.run.placed_on_map
            self.awaiting_geocoding = self.run.awaiting_geocoding
            self.awaiting_review = self.run.awaiting_review
        self.lease = timezone.now()
        ImportRun.objects.filter(pk=self.run.pk).update(
            status=ImportStatus.RUNNING, progressed_at=self.lease, territory=self.territory
        )
        begun = _BEGUN.get()
        if begun is not None:
            begun.append(self)

    def reject(self, row: Row, reason: str) -> None:
        if row.line <= self.resume_after:
            return  # rejected and counted before the stop
        self.rejected += 1
        if self.rejected <= REJECTIONS_KEPT:
            self.keep(row, reason, RowOutcome.REJECTED)

    def set_aside(self, row: Row, reason: str) -> None:
        """A row of elsewhere: not rejected, but listed in the report with its reason."""
        if row.line <= self.resume_after:
            return
        self.aside += 1
        if self.aside <= REJECTIONS_KEPT:
            self.keep(row, reason, RowOutcome.OUTSIDE)

    def keep(self, row: Row, reason: str, outcome: RowOutcome) -> None:
        line = ImportRejection(
            run=self.run, outcome=outcome, line=row.line, reason=reason[:500], raw=row.raw
        )
        self.pending.append(line)
        if len(self.pending) >= settings.IMPORT_BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        ImportRejection.objects.bulk_create(self.pending)
        self.pending = []
        if self.checks:
            LocationCheck.objects.filter(pk__in=self.checks).update(run=self.run)
            self.checks = []

    def count(self, created: bool, changed: bool) -> None:
        if created:
            self.created += 1
        elif changed:
            self.updated += 1
        else:
            self.unchanged += 1

    def place(self, longitude: Any, review: bool = False) -> None:
        """Count a landed entry on the map or waiting for its coordinates, and to check."""
        if longitude is None:
            self.awaiting_geocoding += 1
        else:
            self.placed_on_map += 1
        if review:
            self.awaiting_review += 1

    @property
    def skipped(self) -> int:
        """Rows read but left aside: outside the territory, outside the ESS, closed and unknown."""
        landed = self.created + self.updated + self.unchanged
        return max(self.scan.rows_read - landed - self.rejected, 0)

    def batches(self, items: Iterable[_Item]) -> Iterator[list[_Item]]:
        """The items after the resume point, IMPORT_BATCH_ROWS at a time."""
        batch: list[_Item] = []
        for item in items:
            if item.row.line <= self.resume_after:
                continue
            batch.append(item)
            if len(batch) >= settings.IMPORT_BATCH_ROWS:
                yield batch
                batch = []
        if batch:
            yield batch

    @contextmanager
    def guarded(self, row: Row) -> Iterator[None]:
        """Write one row in a savepoint: whatever fails, the row is rejected, the rest lands."""
        try:
            with transaction.atomic():
                yield
        except RowError as error:
            self.reject(row, str(error))
        except IntegrityError:
            self.reject(row, CONFLICT)
        except Superseded:
            raise
        except Exception as error:
            logger.exception("Unexpected error on line %s of import %s", row.line, self.run.pk)
            self.reject(row, f"erreur inattendue sur cette ligne ({type(error).__name__})")

    def checkpoint(self, batch: list[Any]) -> None:
        """Commit the batch with the counts so far: a resumed run starts after its last row.
        Within the batch's transaction; if another task took the run over, undo the batch."""
        self.flush()
        now = timezone.now()
        held = ImportRun.objects.filter(
            pk=self.run.pk, status=ImportStatus.RUNNING, progressed_at=self.lease
        ).update(
            progressed_at=now,
            checksum=self.scan.checksum,
            resume_after_line=batch[-1].row.line,
            rows_read=self.scan.rows_read,
            **self.counts(),
        )
        if not held:
            raise Superseded
        self.lease = now

    def counts(self) -> dict[str, int]:
        return {
            "rows_created": self.created,
            "rows_updated": self.updated,
            "rows_unchanged": self.unchanged,
            "rows_rejected": self.rejected,
            "set_aside": self.aside,
            "placed_on_map": self.placed_on_map,
            "awaiting_geocoding": self.awaiting_geocoding,
            "awaiting_review": self.awaiting_review,
        }

    def save(self, status: ImportStatus, message: str = "") -> ImportRun:
        self.flush()
        kept = min(self.rejected, REJECTIONS_KEPT)
        if self.rejected > kept:
            more = plural(self.rejected - kept, "autre ligne rejetée", "autres lignes rejetées")
            message = "\n".join(filter(None, [message, f"{more}, non détaillées."]))
        values = {
            "checksum": self.scan.checksum,
            "status": status,
            "message": message,
            "finished_at": timezone.now(),
            "rows_read": self.scan.rows_read,
            "rows_skipped": self.skipped if status == ImportStatus.SUCCEEDED else 0,
            "rows_withdrawn": self.withdrawn,
            **self.counts(),
        }
        ImportRun.objects.filter(pk=self.run.pk).update(**values)
        self.run.refresh_from_db()
        return self.run

    def fail(self, error: BaseException) -> None:
        """Record the stop: the batches before it are committed; the run may resume."""
        self.pending = []
        ImportRun.objects.filter(pk=self.run.pk, status=ImportStatus.RUNNING).update(
            status=ImportStatus.FAILED,
            finished_at=timezone.now(),
            message=f"L’import s’est arrêté sur une erreur inattendue ({type(error).__name__}) "
            f"après la ligne {self.run_line()} du fichier : les lignes précédentes sont "
            "enregistrées. Si l’erreur se reproduit, prévenez la personne qui administre la "
            "plateforme.",
        )

    def run_line(self) -> int:
        return ImportRun.objects.values_list("resume_after_line", flat=True).get(pk=self.run.pk)


@contextmanager
def into_run(*runs: ImportRun) -> Iterator[None]:
    """Within this block, the importer's report of each run's kind is saved into that run."""
    token = _PREPARED.set({run.kind: run for run in runs})
    try:
        yield
    finally:
        _PREPARED.reset(token)


@contextmanager
def failures_recorded() -> Iterator[list[Report]]:
    """Within this block, an error that stops an importer marks its runs failed (a refusal is
    recorded by the importer itself). Yields the reports begun."""
    begun: list[Report] = []
    token = _BEGUN.set(begun)
    try:
        yield begun
    except (ImportRefused, Superseded):
        raise
    except Exception as error:
        for report in begun:
            report.fail(error)
        raise
    finally:
        _BEGUN.reset(token)
