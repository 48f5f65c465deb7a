"""What every importer shares: the territory's commune codes, the run report, value cleaning."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.db import models
from django.utils import timezone

from maillage.directory.enums import ImportKind, ImportStatus, RowOutcome
from maillage.directory.models import ImportRejection, ImportRun, LocationCheck
from maillage.directory.sources.errors import OutsideTerritory, RowError
from maillage.directory.sources.files import Row, Scan
from maillage.territory.models import Commune, CommuneName, OldCommuneCode, Territory

# A run created when staff upload a file: the importer's report of that kind fills it in
# instead of creating a new one (see `into_run`).
_UPLOADED_RUN: ContextVar[ImportRun | None] = ContextVar("uploaded_run", default=None)

CHUNK = 500  # ids per IN (…) query, well under SQLite's variable limit
HIDDEN_BY_INSEE = "[ND]"  # what SIRENE prints in place of a field a person asked to hide


@dataclass(frozen=True)
class CommuneIndex:
    """Every code that places a row in the territory, current or old, to its commune's id."""

    ids: dict[str, int]

    @classmethod
    def of(cls, territory: Territory) -> CommuneIndex:
        communes = Commune.objects.in_territory(territory)
        ids = dict(communes.values_list("code", "id"))
        for model in (OldCommuneCode, CommuneName):  # codes of the COG, then of its history
            old = model.objects.filter(commune__in=communes).values_list("code", "commune_id")
            for code, commune_id in old:
                ids.setdefault(code, commune_id)
        return cls(ids)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code.strip().upper() in self.ids

    def commune_id(self, code: str) -> int | None:
        return self.ids.get(code.strip().upper())


@dataclass
class Report:
    """The counts and rejections of one file, saved as an ImportRun at the end."""

    kind: ImportKind
    path: Path
    territory: Territory | None
    scan: Scan = field(default_factory=Scan)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    withdrawn: int = 0  # entries hidden because a complete source no longer has them
    rejections: list[tuple[int, str, str]] = field(default_factory=list)
    outside: list[tuple[int, str, str]] = field(default_factory=list)  # listed, not rejected
    checks: list[int] = field(default_factory=list)  # LocationCheck ids raised by this file

    def reject(self, row: Row, reason: str) -> None:
        self.rejections.append((row.line, reason, row.raw))

    def set_aside(self, row: Row, reason: str) -> None:
        self.outside.append((row.line, reason, row.raw))

    @property
    def skipped(self) -> int:
        """Rows read but left aside: outside the territory, outside the ESS, closed and unknown."""
        landed = self.created + self.updated + self.unchanged
        return max(self.scan.rows_read - landed - len(self.rejections), 0)

    def save(self, status: ImportStatus, message: str = "") -> ImportRun:
        values = {
            "kind": self.kind,
            "checksum": self.scan.checksum,
            "territory": self.territory,
            "status": status,
            "message": message,
            "finished_at": timezone.now(),
            "rows_read": self.scan.rows_read,
            "rows_skipped": self.skipped if status == ImportStatus.SUCCEEDED else 0,
            "rows_created": self.created,
            "rows_updated": self.updated,
            "rows_unchanged": self.unchanged,
            "rows_rejected": len(self.rejections),
            "rows_withdrawn": self.withdrawn,
        }
        run = _UPLOADED_RUN.get()
        if run is not None and run.kind == self.kind:
            _UPLOADED_RUN.set(None)  # one report per run
            for name, value in values.items():
                setattr(run, name, value)
            run.save()
            run.rejections.all().delete()
        else:
            run = ImportRun.objects.create(file_name=self.path.name, **values)
        LocationCheck.objects.filter(pk__in=self.checks).update(run=run)
        lines = [(RowOutcome.REJECTED, *r) for r in self.rejections] + [
            (RowOutcome.OUTSIDE, *r) for r in self.outside
        ]
        ImportRejection.objects.bulk_create(
            ImportRejection(run=run, outcome=outcome, line=line, reason=reason[:500], raw=raw)
            for outcome, line, reason, raw in lines
        )
        return run

    def count(self, created: bool, changed: bool) -> None:
        if created:
            self.created += 1
        elif changed:
            self.updated += 1
        else:
            self.unchanged += 1


@contextmanager
def into_run(run: ImportRun) -> Iterator[None]:
    """Within this block, the importer's report of `run.kind` is saved into `run`."""
    token = _UPLOADED_RUN.set(run)
    try:
        yield
    finally:
        _UPLOADED_RUN.reset(token)


def fit(model: type[models.Model], values: dict[str, Any]) -> dict[str, Any]:
    """Clip strings to their column's length: official files sometimes exceed their own spec."""
    for name, value in values.items():
        if isinstance(value, str):  # foreign keys ("commune_id") hold ints, never clipped
            limit = getattr(model._meta.get_field(name), "max_length", None)
            if limit and len(value) > limit:
                values[name] = value[:limit]
    return values


def text(value: str) -> str:
    value = value.strip()
    return "" if value == HIDDEN_BY_INSEE else value


def parse_date(value: str, label: str) -> date | None:
    value = text(value)
    if not value or value.startswith("0001-01-01"):  # the RNA's "no date"
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise RowError(f"{label} invalide : « {value} »") from None


def digits(value: str, length: int, label: str) -> str:
    """A SIREN, SIRET or NIC: zero-padded back if a spreadsheet or Parquet made it a number."""
    value = value.strip()
    if value.isdigit() and len(value) <= length:
        return value.zfill(length)
    raise RowError(f"{label} invalide : « {value} »")


@dataclass(frozen=True)
class Record:
    """A parsed row: `values` maps model fields to what the file says."""

    row: Row
    key: str  # SIRET, SIREN or RNA number
    siren: str
    is_live: bool  # establishment open, legal unit active, association not dissolved
    values: dict[str, Any]


def collect(
    rows: Iterator[Row], parse: Callable[[Row], Record], report: Report
) -> dict[str, Record]:
    """Parse every row, rejecting malformed ones and repeated keys; keep the rest by key."""
    records: dict[str, Record] = {}
    for row in rows:
        if row.error:
            report.reject(row, f"ligne mal formée : {row.error}")
            continue
        try:
            record = parse(row)
        except OutsideTerritory as aside:
            report.set_aside(row, str(aside))
            continue
        except RowError as error:
            report.reject(row, str(error))
            continue
        if record.key in records:
            first = records[record.key].row.line
            report.reject(row, f"{record.key} en double (déjà lu ligne {first})")
            continue
        records[record.key] = record
    return records


def chunks(keys: Iterable[str]) -> Iterator[list[str]]:
    keys = list(keys)
    for start in range(0, len(keys), CHUNK):
        yield keys[start : start + CHUNK]
