"""The one table every computation aggregates: a row per establishment of the territory.

`facts(siret, commune, open, bracket, naf, family, headcount, hidden)`: `commune` is the current
commune code (old codes already mapped), `family` the ESS family or "" for an establishment
outside the ESS, `headcount` the salaried headcount when actually known (the directory's; SIRENE
publishes brackets only, so it is NULL there), `hidden` whether the directory hides the entry
at its organisation's request (it still counts: it is part of the territory's ESS).
It is filled from one source (the directory's entries or a SIRENE stock's territory sites);
`counts.py` reads only it.
"""

from __future__ import annotations

import hashlib
import json

import duckdb

from maillage.observatory.sources.directory import directory_rows
from maillage.observatory.sources.workspace import insert_rows
from maillage.territory.models import Territory

FACTS_COLUMNS = (
    "siret VARCHAR, commune VARCHAR, open BOOLEAN, bracket VARCHAR, naf VARCHAR, family VARCHAR, "
    "headcount INTEGER, hidden BOOLEAN"
)


def create_facts(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"CREATE TEMP TABLE facts ({FACTS_COLUMNS})")


def facts_from_directory(con: duckdb.DuckDBPyConnection, territory: Territory) -> str:
    """Fill `facts` from the directory; return the SHA-256 of its canonical rows."""
    create_facts(con)
    insert_rows(con, "facts", directory_rows(territory))
    return hashlib.sha256(json.dumps(canonical_rows(con)).encode()).hexdigest()


def facts_from_sirene(con: duckdb.DuckDBPyConnection) -> None:
    """Fill `facts` from the SIRENE stock's checked `territory_sites`."""
    create_facts(con)
    con.execute(
        """INSERT INTO facts SELECT siret, current, state = 'A', bracket, naf, family, NULL, false
           FROM territory_sites"""
    )


def holds_all_sectors(con: duckdb.DuckDBPyConnection) -> bool:
    """A file with establishments outside the ESS holds every sector, not ESS rows only."""
    found = con.execute("SELECT 1 FROM facts WHERE family = '' LIMIT 1").fetchone()
    return found is not None


def canonical_rows(con: duckdb.DuckDBPyConnection) -> list[tuple[object, ...]]:
    return con.execute(
        "SELECT siret, commune, open, bracket, naf, family, headcount, hidden FROM facts "
        "ORDER BY siret"
    ).fetchall()
