"""The directory's nomenclatures and classification as small DuckDB tables, so that SQL applies
the same rules as the Python code (one definition: these tables are built from it)."""

from __future__ import annotations

import duckdb

from maillage.directory.definitions import bracket_is_employer, bracket_jobs, ess_family
from maillage.directory.nomenclatures import employee_brackets, naf_codes, normalise_naf
from maillage.observatory.sources.workspace import insert_rows

NAF_REV2 = "NAFRev2"


def create_brackets(con: duckdb.DuckDBPyConnection) -> None:
    """SIRENE brackets with job bounds; `mid2` is twice the midpoint, to keep sums exact.

    Jobs and `employer` come from the directory's definitions: « NN » counts 0 and is the only
    non-employer bracket; the open-ended top bracket counts its lower bound."""
    con.execute(
        "CREATE TEMP TABLE brackets (code VARCHAR PRIMARY KEY, low BIGINT, mid2 BIGINT, "
        "high BIGINT, employer BOOLEAN)"
    )
    rows = []
    for code, bracket in employee_brackets().items():
        low = bracket.low or 0
        high = bracket.high if bracket.high is not None else low
        mid2 = int(2 * (bracket_jobs(code) or 0))
        rows.append((code, low, mid2, high, bracket_is_employer(code)))
    insert_rows(con, "brackets", rows)


def create_naf(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "CREATE TEMP TABLE naf (code VARCHAR PRIMARY KEY, section VARCHAR, division VARCHAR)"
    )
    insert_rows(con, "naf", [(c.code, c.section, c.division) for c in naf_codes().values()])


def unit_activity(code: str, nomenclature: str) -> str | None:
    """The unit's NAF code as the classification reads it (older nomenclatures: none)."""
    if nomenclature in {NAF_REV2, ""}:
        return normalise_naf(code)
    return None


def family_of(category: str, flag: str, nomenclature: str, naf: str) -> str:
    """The ESS family (or "") that the directory's classification gives these unit values."""
    flag = flag.strip().upper()
    family = ess_family(
        category.strip(), unit_activity(naf, nomenclature.strip()), flag if flag == "O" else ""
    )
    return family or ""


def create_classes(con: duckdb.DuckDBPyConnection, source: str) -> None:
    """`classes`: each distinct raw (category, flag, nomenclature, NAF) of `source` → its family.

    The raw values are kept (NULL included), so that the units join them as read; `family_of`
    sees them normalised."""
    distinct = con.execute(
        f"SELECT DISTINCT category, flag, nomenclature, unit_naf FROM {source}"
    ).fetchall()
    con.execute(
        "CREATE TEMP TABLE classes (category VARCHAR, flag VARCHAR, nomenclature VARCHAR, "
        "unit_naf VARCHAR, family VARCHAR)"
    )
    rows = [(*values, family_of(*(v or "" for v in values))) for values in distinct]
    insert_rows(con, "classes", rows)
