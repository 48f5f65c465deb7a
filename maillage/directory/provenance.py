"""Who set each field, and who may overwrite it.

A record keeps `provenance = {field: {"source": ..., "confirmed_at": "YYYY-MM-DD"}}`. An import
writes a field only when nobody of higher rank set it: what the organisation or the staff wrote
is never overwritten by a file, and SIRENE takes precedence over the RNA, which takes precedence
over maps and spreadsheets.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from maillage.directory.enums import Source

RANK: dict[str, int] = {
    Source.GEOCODER: 5,  # coordinates from an address: any source that gives its own wins
    Source.SPREADSHEET: 10,
    Source.GOGOCARTO: 20,
    Source.RNA: 30,
    Source.SIRENE: 40,
    Source.ORGANISATION: 90,
    Source.STAFF: 100,
}


def source_of(provenance: dict[str, Any], field: str) -> str | None:
    entry = provenance.get(field)
    return entry.get("source") if isinstance(entry, dict) else None


def may_write(provenance: dict[str, Any], field: str, source: str) -> bool:
    current = source_of(provenance, field)
    return current is None or RANK.get(current, 0) <= RANK[source]


def apply(record: Any, values: dict[str, Any], source: str, confirmed_on: date) -> list[str]:
    """Set the fields `source` may write and that differ; return the names of those changed.

    `record.provenance` is updated for each changed field. Nothing is saved.
    """
    changed = []
    for field, value in values.items():
        if not may_write(record.provenance, field, source):
            continue
        if getattr(record, field) == value and source_of(record.provenance, field) == source:
            continue
        setattr(record, field, value)
        record.provenance[field] = {"source": source, "confirmed_at": confirmed_on.isoformat()}
        changed.append(field)
    return changed
