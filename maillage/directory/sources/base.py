"""What every importer shares: the territory's commune codes, the run report, value cleaning."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import models

from maillage.directory.sources.errors import OutsideTerritory, RowError
from maillage.directory.sources.files import Row
from maillage.directory.sources.runs import Report, into_run
from maillage.territory.models import Commune, CommuneName, OldCommuneCode, Territory

__all__ = ["Report", "into_run"]  # where the importers have always found them

logger = logging.getLogger(__name__)

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


def fit(model: type[models.Model], values: dict[str, Any]) -> dict[str, Any]:
    """Clip strings to their column's length: official files sometimes exceed their own spec."""
    for name, value in values.items():
        if isinstance(value, str):  # foreign keys ("commune_id") hold ints, never clipped
            limit = max_length(model, name)
            if limit and len(value) > limit:
                values[name] = value[:limit]
    return values


@functools.cache
def max_length(model: type[models.Model], name: str) -> int | None:
    return getattr(model._meta.get_field(name), "max_length", None)


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


def landing(records: Iterable[Record]) -> Iterator[Record]:
    """The live records (rows of elsewhere were set aside when parsed)."""
    return (record for record in records if record.is_live)


def collect(
    rows: Iterator[Row], parse: Callable[[Row], Record], report: Report
) -> dict[str, Record]:
    """Parse every row, rejecting malformed ones and repeated keys; keep the rest by key."""
    records: dict[str, Record] = {}
    for row in rows:
        record = parse_one(row, parse, report)
        if record is None:
            continue
        if record.key in records:
            first = records[record.key].row.line
            report.reject(row, f"{record.key} en double (déjà lu ligne {first})")
            continue
        records[record.key] = record
    return records


# Repeated keys are caught among this many recent rows: memory stays flat whatever the file.
RECENT_KEYS = 100_000


def stream(
    rows: Iterable[Row],
    parse: Callable[[Row], Record],
    report: Report,
    key: Callable[[Row], str] | None = None,
) -> Iterator[Record]:
    """Parse the rows one by one, rejecting malformed ones and keys repeated among the last
    RECENT_KEYS rows (further apart, the later row updates the entry again). `key` tells a
    row's key without parsing it, so that a file of one row repeated is not parsed again."""
    recent: dict[str, int] = {}
    for row in rows:
        early = key(row) if key is not None and not row.error else None
        if early is not None and early in recent:
            report.reject(row, f"{early} en double (déjà lu ligne {recent[early]})")
            continue
        record = parse_one(row, parse, report)
        if record is None:
            continue
        if record.key in recent:
            report.reject(row, f"{record.key} en double (déjà lu ligne {recent[record.key]})")
            continue
        recent[record.key] = row.line
        if len(recent) > RECENT_KEYS:
            del recent[next(iter(recent))]
        yield record


def parse_one(row: Row, parse: Callable[[Row], Record], report: Report) -> Record | None:
    """The row's record, or None once rejected (whatever went wrong) or set aside."""
    if row.error:
        report.reject(row, f"ligne mal formée : {row.error}")
        return None
    try:
        return parse(row)
    except OutsideTerritory as aside:
        report.set_aside(row, str(aside))
    except RowError as error:
        report.reject(row, str(error))
    except Exception as error:
        logger.exception("Unexpected error reading line %s", row.line)
        report.reject(row, f"erreur inattendue sur cette ligne ({type(error).__name__})")
    return None


def chunks(keys: Iterable[str]) -> Iterator[list[str]]:
    keys = list(keys)
    for start in range(0, len(keys), CHUNK):
        yield keys[start : start + CHUNK]
