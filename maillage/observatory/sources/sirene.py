"""SIRENE stock files read by DuckDB straight from disk (CSV, gzipped CSV or
Parquet; national or per département): only SQL aggregates and the territory's rows come back.

Every column is read as text (`all_varchar`), as published; the establishments are joined to
their legal units for the legal category and the ESS flag, which `reference_tables.classes`
turns into a family with the directory's own classification.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

import duckdb

from maillage.directory.sources.errors import ImportRefused
from maillage.directory.sources.files import FileSpec, check_header, file_checksum, is_parquet
from maillage.directory.sources.sirene import ESTABLISHMENTS, UNITS
from maillage.observatory.errors import SnapshotRefused
from maillage.observatory.sources.reference_tables import create_classes

# NAF code of a row, normalised as `nomenclatures.normalise_naf` does ("9499Z" → "94.99Z"),
# and only for NAF rév. 2 (older nomenclatures have no section).
NAF_SQL = """CASE WHEN coalesce({nom}, '') IN ('NAFRev2', '') THEN
    CASE WHEN length(upper(trim({code}))) = 5 AND strpos({code}, '.') = 0
         THEN substr(upper(trim({code})), 1, 2) || '.' || substr(upper(trim({code})), 3)
         ELSE upper(trim(coalesce({code}, ''))) END
  ELSE NULL END"""
DEPARTEMENT_SQL = "CASE WHEN code LIKE '97%' THEN substr(code, 1, 3) ELSE substr(code, 1, 2) END"


def _reader(paths: Sequence[Path]) -> str:
    names = ", ".join("'" + str(p).replace("'", "''") + "'" for p in paths)
    if all(is_parquet(p) for p in paths):
        return f"read_parquet([{names}], union_by_name = true)"
    if any(is_parquet(p) for p in paths):
        raise SnapshotRefused(
            "Mélange de fichiers CSV et Parquet : donnez-les dans un seul format."
        )
    return (
        f"read_csv([{names}], all_varchar = true, header = true, delim = ',', quote = '\"', "
        "union_by_name = true)"
    )


def _check_columns(con: duckdb.DuckDBPyConnection, view: str, spec: FileSpec, name: str) -> None:
    columns = [row[0] for row in con.execute(f"DESCRIBE SELECT * FROM {view}").fetchall()]
    try:
        check_header(columns, spec, name)
    except ImportRefused as refusal:
        raise SnapshotRefused(str(refusal)) from None


CSV_LINE = re.compile(r"CSV Error on Line: (\d+)")


def unreadable(error: duckdb.Error) -> SnapshotRefused:
    """DuckDB's error said in French, without its English text nor the line it quotes (a line
    of megabytes, or of someone's data, has no place in a message)."""
    line = CSV_LINE.search(str(error))
    if line:
        return SnapshotRefused(
            f"Fichier SIRENE illisible : la ligne {line.group(1)} du CSV ne peut pas être lue "
            "(ligne trop longue, guillemet jamais refermé ou colonnes en trop)."
        )
    if isinstance(error, duckdb.IOException):
        return SnapshotRefused("Fichier SIRENE illisible : il ne peut pas être ouvert.")
    return SnapshotRefused(
        "Fichier SIRENE illisible : ce n’est pas un fichier CSV ou Parquet de la base SIRENE."
    )


def open_files(
    con: duckdb.DuckDBPyConnection, establishments: Sequence[Path], units: Sequence[Path]
) -> None:
    for path in (*establishments, *units):
        if not path.is_file():
            raise SnapshotRefused(f"Fichier introuvable : « {path} ».")
    try:
        con.execute(f"CREATE TEMP VIEW etab AS SELECT * FROM {_reader(establishments)}")
        con.execute(f"CREATE TEMP VIEW units AS SELECT * FROM {_reader(units)}")
    except duckdb.Error as error:
        raise unreadable(error) from None
    _check_columns(con, "etab", ESTABLISHMENTS, ", ".join(p.name for p in establishments))
    _check_columns(con, "units", UNITS, ", ".join(p.name for p in units))


def checksum(paths: Sequence[Path]) -> str:
    """One SHA-256 for one file; for several, the SHA-256 of their checksums in order."""
    sums = [file_checksum(p) for p in paths]
    if len(sums) == 1:
        return sums[0]
    return hashlib.sha256("\n".join(sums).encode()).hexdigest()


def create_unit_families(con: duckdb.DuckDBPyConnection) -> None:
    """`unit_families(siren, family)`: the active units the classification places in the ESS.

    Two passes over the units, reading only the columns they need: the distinct raw values of
    (category, ESS flag, nomenclature, NAF) — a few thousand — are classified in Python by the
    directory's own rule (`classes`), then each active unit takes its family by a join on those
    raw values. Nothing is trimmed row by row: the values are normalised once per distinct
    combination. The SIREN is kept as an integer (nine digits), a cheaper join key for the 40
    million establishments that probe this table."""
    con.execute(
        """CREATE TEMP VIEW unit_values AS SELECT DISTINCT
             categorieJuridiqueUniteLegale AS category,
             economieSocialeSolidaireUniteLegale AS flag,
             nomenclatureActivitePrincipaleUniteLegale AS nomenclature,
             activitePrincipaleUniteLegale AS unit_naf
           FROM units WHERE etatAdministratifUniteLegale = 'A'"""
    )
    create_classes(con, "unit_values")
    con.execute(
        """CREATE TEMP TABLE unit_families AS SELECT TRY_CAST(u.siren AS INTEGER) AS siren, c.family
           FROM units u JOIN classes c
             ON c.category IS NOT DISTINCT FROM u.categorieJuridiqueUniteLegale
             AND c.flag IS NOT DISTINCT FROM u.economieSocialeSolidaireUniteLegale
             AND c.nomenclature IS NOT DISTINCT FROM u.nomenclatureActivitePrincipaleUniteLegale
             AND c.unit_naf IS NOT DISTINCT FROM u.activitePrincipaleUniteLegale
           WHERE u.etatAdministratifUniteLegale = 'A' AND c.family <> ''"""
    )


# The establishments joined to their unit's family, read once from the stock files.
STOCK_SITES = "etab e LEFT JOIN unit_families u ON u.siren = TRY_CAST(e.siren AS INTEGER)"


def load_territory(
    con: duckdb.DuckDBPyConnection, sites: str = STOCK_SITES, family: str = "u.family"
) -> None:
    """Materialise the territory's rows (a few thousand) in one pass as `territory_sites`, and
    check them.

    `sites` names the establishments as published with a family column (`family`): the stock
    files joined to `unit_families`, or a prepared vintage's file where the join is already
    done; the same expressions then turn either into the same rows.
    The territory's codes are written into the query as a constant list, which DuckDB evaluates
    inside the Parquet scan before decoding the other columns (a join alone gives it an
    optional filter it may apply late: about 10 % more processor time on 40 million rows; on a
    file sorted by commune, the row groups of other communes are not even read).
    Codes are compared as SIRENE publishes them (five characters, upper case)."""
    naf = NAF_SQL.format(
        code="e.activitePrincipaleEtablissement",
        nom="e.nomenclatureActivitePrincipaleEtablissement",
    )
    try:
        con.execute(
            f"""CREATE TEMP TABLE territory_sites AS
                SELECT trim(e.siret) AS siret,
                  e.codeCommuneEtablissement AS code,
                  e.etatAdministratifEtablissement AS state,
                  trim(coalesce(e.trancheEffectifsEtablissement, '')) AS bracket,
                  {naf} AS naf,
                  coalesce({family}, '') AS family,
                  m.current
                FROM {sites}
                JOIN communes m ON m.code = e.codeCommuneEtablissement
                WHERE e.codeCommuneEtablissement IN ({_territory_codes(con)})"""
        )
    except duckdb.Error as error:
        raise unreadable(error) from None
    check_rows(con)


def _territory_codes(con: duckdb.DuckDBPyConnection) -> str:
    """The `communes` codes as SQL literals (they come from the database, quoted all the same)."""
    codes = [row[0] for row in con.execute("SELECT code FROM communes ORDER BY code").fetchall()]
    return ", ".join("'" + code.replace("'", "''") + "'" for code in codes)


CHECKS = [
    (
        "SELECT siret FROM territory_sites "
        "WHERE NOT regexp_full_match(coalesce(siret, ''), '[0-9]{14}') LIMIT 1",
        "SIRET invalide dans le fichier : « {0} ».",
    ),
    (
        "SELECT siret, count(*) FROM territory_sites GROUP BY siret HAVING count(*) > 1 "
        "ORDER BY siret LIMIT 1",
        "SIRET en double dans le fichier : {0} ({1} lignes).",
    ),
    (
        "SELECT siret, coalesce(state, '') FROM territory_sites "
        "WHERE coalesce(state, '') NOT IN ('A', 'F') ORDER BY siret LIMIT 1",
        "État administratif inconnu « {1} » (SIRET {0}).",
    ),
    (
        "SELECT siret, bracket FROM territory_sites "
        "WHERE bracket <> '' AND bracket NOT IN (SELECT code FROM brackets) ORDER BY siret LIMIT 1",
        "Tranche d’effectif inconnue « {1} » (SIRET {0}).",
    ),
]


NO_TERRITORY_SITES = "Le fichier ne contient aucun établissement des communes du territoire."


def check_rows(con: duckdb.DuckDBPyConnection) -> None:
    """Refuse rows that would make the figures wrong, naming the first one."""
    if con.execute("SELECT 1 FROM territory_sites LIMIT 1").fetchone() is None:
        raise SnapshotRefused(NO_TERRITORY_SITES)
    for sql, message in CHECKS:
        found = con.execute(sql).fetchone()
        if found is not None:
            raise SnapshotRefused(message.format(*found))


def group_areas(
    con: duckdb.DuckDBPyConnection, sites: str = STOCK_SITES, ess: str = "u.siren IS NOT NULL"
) -> None:
    """`area_groups`: the open establishments of the whole file in one grouped pass, counted by
    the first three characters of their commune code, bracket and whether they are in the ESS
    (`ess`, a condition on `sites`): a few thousand rows. The areas need no family, only ESS or
    not: a boolean is a cheaper group key than the family's name."""
    con.execute(
        f"""CREATE TEMP TABLE area_groups AS SELECT
             left(e.codeCommuneEtablissement, 3) AS prefix,
             e.trancheEffectifsEtablissement AS bracket,
             {ess} AS ess,
             count(*) AS n
           FROM {sites}
           WHERE e.etatAdministratifEtablissement = 'A'
           GROUP BY ALL"""
    )


def area_facts(con: duckdb.DuckDBPyConnection) -> None:
    """`area_facts`: `area_groups` keyed by département: every comparison area (départements,
    région, France) adds these. Codes and brackets are normalised on the grouped values, not on
    the 40 million rows."""
    con.execute(
        f"""CREATE TEMP VIEW area_facts AS
            WITH coded AS (
              SELECT upper(trim(coalesce(prefix, ''))) AS code, bracket,
                CASE WHEN ess THEN 'ess' ELSE '' END AS family, n
              FROM area_groups
            )
            SELECT {DEPARTEMENT_SQL} AS departement, true AS open,
              trim(coalesce(bracket, '')) AS bracket, family, n,
              CAST(NULL AS INTEGER) AS headcount, false AS hidden
            FROM coded"""
    )
