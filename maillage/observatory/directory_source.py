"""Facts from the directory's own entries: its establishments and their legal units' family.

Every entry of the territory counts, hidden ones too: an organisation that asked not to be
listed is still part of the territory's ESS economy; the figures say how many are not shown."""

from __future__ import annotations

import hashlib
import json

import duckdb

from maillage.directory.enums import Visibility
from maillage.directory.models import Establishment, LegalUnit
from maillage.observatory.facts import FACTS_COLUMNS, canonical_rows, insert_rows
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
            "headcount",
            "visibility",
        )
    )
    # An entry without a SIRET (an RNA-only association) is keyed by its id.
    facts = [
        (siret or f"id:{pk}", *rest, visibility != Visibility.PUBLIC)
        for pk, siret, *rest, visibility in rows
    ]
    insert_rows(con, "facts", facts)
    digest = hashlib.sha256(json.dumps(canonical_rows(con)).encode()).hexdigest()
    return digest


def family_overrides(territory: Territory) -> int:
    """Active organisations of the territory whose family staff set against the rule: the
    method note counts them apart, since the rule alone would not place them so."""
    decided = (
        LegalUnit.objects.family_decided()
        .filter(is_active=True, establishments__commune__territories=territory)
        .distinct()
    )
    return sum(1 for unit in decided if unit.has_override)
