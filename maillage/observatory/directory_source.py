"""Facts from the directory's own entries: its establishments and their legal units' family."""

from __future__ import annotations

import hashlib
import json

import duckdb

from maillage.directory.models import Establishment
from maillage.observatory.facts import FACTS_COLUMNS, canonical_rows
from maillage.territory.models import Territory


def load_directory(con: duckdb.DuckDBPyConnection, territory: Territory) -> str:
    """Fill `facts` from the directory; return the SHA-256 of its canonical rows."""
    con.execute(f"CREATE TEMP TABLE facts ({FACTS_COLUMNS})")
    rows = (
        Establishment.objects.in_territory(territory)
        .filter(legal_unit__is_active=True)
        .order_by("pk")
        .values_list(
            "pk",
            "siret",
            "commune__code",
            "is_open",
            "employee_bracket",
            "naf_code",
            "legal_unit__ess_family",
        )
    )
    # An entry without a SIRET (an RNA-only association) is keyed by its id.
    facts = [(siret or f"id:{pk}", *rest) for pk, siret, *rest in rows]
    if facts:
        con.executemany("INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?)", facts)
    digest = hashlib.sha256(json.dumps(canonical_rows(con)).encode()).hexdigest()
    return digest
