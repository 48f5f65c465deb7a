"""SQL aggregates over `facts` (and `area_facts`): counts, employers and job bounds per group.

Jobs come from the actual headcount when it is known (then the bounds are that headcount), else
from the SIRENE bracket: low and high bounds, and the midpoint estimate (summed doubled, `mid2`,
so that halves stay exact). Each group says how many establishments had a known headcount and
how many had no bracket either. Closed establishments are left out everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import duckdb

# `{n}`: how many establishments a row of the table stands for (1 in `facts`, a group's count
# in `area_facts`).
COUNTS_SQL = """
  coalesce(sum({n}) FILTER (WHERE f.family <> ''), 0),
  coalesce(sum({n}) FILTER (WHERE f.family <> '' AND {employer}), 0),
  coalesce(sum({low} * {n}) FILTER (WHERE f.family <> ''), 0),
  coalesce(sum({mid2} * {n}) FILTER (WHERE f.family <> ''), 0),
  coalesce(sum({high} * {n}) FILTER (WHERE f.family <> ''), 0),
  coalesce(sum({n}) FILTER (WHERE f.family <> '' AND {unknown}), 0),
  coalesce(sum({n}), 0),
  coalesce(sum({mid2} * {n}), 0),
  coalesce(sum({n}) FILTER (WHERE f.family <> '' AND f.headcount IS NOT NULL), 0),
  coalesce(sum({n}) FILTER (WHERE f.family <> '' AND f.hidden), 0)"""
JOBS = {
    # As `definitions.is_employer`: the known headcount, else the bracket.
    "employer": "coalesce(f.headcount >= 1, b.employer, false)",
    "low": "coalesce(f.headcount, b.low)",
    "mid2": "coalesce(2 * f.headcount, b.mid2)",
    "high": "coalesce(f.headcount, b.high)",
    "unknown": "f.headcount IS NULL AND b.code IS NULL",
}


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
    known_headcounts: int = 0  # ESS establishments whose jobs are their actual headcount
    hidden: int = 0  # ESS establishments the directory does not show (counted all the same)

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
            self.known_headcounts,
            self.hidden,
        )


def grouped(
    con: duckdb.DuckDBPyConnection,
    key_sql: str,
    table: str = "facts",
    joins: str = "",
    weight: str = "1",
) -> dict[str, Counts]:
    counts = COUNTS_SQL.format(n=weight, **JOBS)
    rows = con.execute(
        f"""SELECT coalesce({key_sql}, '') AS key, {counts}
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
    return grouped(con, "f.departement", table="area_facts", weight="f.n")
