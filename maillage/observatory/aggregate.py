"""SQL aggregates over `facts` (and `area_facts`): counts, employers and job bounds per group.

Jobs are summed from SIRENE brackets: low and high bounds, and the midpoint estimate (summed
doubled, `mid2`, so that halves stay exact). Closed establishments are left out everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

import duckdb

COUNTS_SQL = """
  count(*) FILTER (WHERE f.family <> ''),
  count(*) FILTER (WHERE f.family <> '' AND b.employer),
  coalesce(sum(b.low) FILTER (WHERE f.family <> ''), 0),
  coalesce(sum(b.mid2) FILTER (WHERE f.family <> ''), 0),
  coalesce(sum(b.high) FILTER (WHERE f.family <> ''), 0),
  count(*) FILTER (WHERE f.family <> '' AND b.code IS NULL),
  count(*),
  coalesce(sum(b.mid2), 0)"""


@dataclass(frozen=True)
class Counts:
    establishments: int = 0
    employers: int = 0
    jobs_low: int = 0
    jobs_mid2: int = 0
    jobs_high: int = 0
    unknown_brackets: int = 0
    all_establishments: int = 0
    all_jobs_mid2: int = 0

    @property
    def jobs_mid(self) -> Decimal:
        return Decimal(self.jobs_mid2) / 2

    @property
    def all_jobs(self) -> Decimal:
        return Decimal(self.all_jobs_mid2) / 2

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(self.as_tuple(), other.as_tuple(), strict=True)))

    def as_tuple(self) -> tuple[int, ...]:
        return (
            self.establishments,
            self.employers,
            self.jobs_low,
            self.jobs_mid2,
            self.jobs_high,
            self.unknown_brackets,
            self.all_establishments,
            self.all_jobs_mid2,
        )

    def ess_only(self) -> Counts:
        return replace(self, all_establishments=0, all_jobs_mid2=0)


def grouped(
    con: duckdb.DuckDBPyConnection, key_sql: str, table: str = "facts", joins: str = ""
) -> dict[str, Counts]:
    rows = con.execute(
        f"""SELECT coalesce({key_sql}, '') AS key, {COUNTS_SQL}
            FROM {table} f LEFT JOIN brackets b ON b.code = f.bracket {joins}
            WHERE f.open GROUP BY 1 ORDER BY 1"""
    ).fetchall()
    return {key: Counts(*(int(v) for v in values)) for key, *values in rows}


def total(con: duckdb.DuckDBPyConnection) -> Counts:
    return grouped(con, "'all'").get("all", Counts())


def by_family(con: duckdb.DuckDBPyConnection) -> dict[str, Counts]:
    return {k: v for k, v in grouped(con, "f.family").items() if k}


def by_section(con: duckdb.DuckDBPyConnection) -> dict[str, Counts]:
    return grouped(con, "n.section", joins="LEFT JOIN naf n ON n.code = f.naf")


def by_division(con: duckdb.DuckDBPyConnection) -> dict[str, Counts]:
    return grouped(con, "n.division", joins="LEFT JOIN naf n ON n.code = f.naf")


def by_commune(con: duckdb.DuckDBPyConnection) -> dict[str, Counts]:
    return grouped(con, "f.commune")


def by_epci(con: duckdb.DuckDBPyConnection) -> dict[str, Counts]:
    joins = "JOIN (SELECT DISTINCT current, epci FROM communes) m ON m.current = f.commune"
    return grouped(con, "m.epci", joins=joins)


def by_size(con: duckdb.DuckDBPyConnection) -> dict[str, Counts]:
    return grouped(con, "f.bracket")


def by_departement(con: duckdb.DuckDBPyConnection) -> dict[str, Counts]:
    return grouped(con, "f.departement", table="area_facts")
