"""The in-memory DuckDB a computation works in, and the territory's commune codes in it.

Every source reads into this database; `communes` tells which rows belong to the territory."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from maillage.territory.models import Commune, OldCommuneCode, Territory


def connect() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB that spills to disk rather than growing past a bounded memory."""
    con = duckdb.connect(":memory:")
    con.execute("SET memory_limit = '700MB'")
    con.execute("SET preserve_insertion_order = false")
    return con


def insert_rows(
    con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[tuple[object, ...]]
) -> None:
    """Insert Python rows in one statement, a list per column unnested side by side.

    `executemany` runs one statement per row: 0,9 s for a thousand rows, this 0,01 s."""
    if not rows:
        return
    types = [row[1] for row in con.execute(f"DESCRIBE {table}").fetchall()]
    lists = ", ".join(f"unnest(${i}::{kind}[])" for i, kind in enumerate(types, start=1))
    con.execute(f"INSERT INTO {table} SELECT {lists}", [list(c) for c in zip(*rows, strict=True)])


def create_communes(con: duckdb.DuckDBPyConnection, territory: Territory) -> dict[str, str]:
    """`communes(code, current, epci)`: every code that places a row in the territory."""
    communes = list(Commune.objects.in_territory(territory).select_related("epci"))
    current = {c.code: (c.code, c.epci.code if c.epci else "") for c in communes}
    old = OldCommuneCode.objects.filter(commune__in=communes).select_related("commune__epci")
    codes = dict(current)
    for row in old:
        epci = row.commune.epci.code if row.commune.epci else ""
        codes.setdefault(row.code, (row.commune.code, epci))
    con.execute(
        "CREATE TEMP TABLE communes (code VARCHAR PRIMARY KEY, current VARCHAR, epci VARCHAR)"
    )
    insert_rows(con, "communes", [(k, *v) for k, v in sorted(codes.items())])
    return {code: value[0] for code, value in codes.items()}
