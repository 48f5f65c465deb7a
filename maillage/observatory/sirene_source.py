"""Facts from SIRENE stock files, read by DuckDB straight from disk (CSV, gzipped CSV or
Parquet; national or per département): only SQL aggregates and the territory's rows come back.

Every column is read as text (`all_varchar`), as published; the establishments are joined to
their legal units for the legal category and the ESS flag, which `reference_tables.classes`
turns into a family with the directory's own classification.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import duckdb

from maillage.directory.sources.errors import ImportRefused
from maillage.directory.sources.files import FileSpec, check_header, file_checksum, is_parquet
from maillage.directory.sources.sirene import ESTABLISHMENTS, UNITS
from maillage.observatory.errors import SnapshotRefused
from maillage.observatory.facts import FACTS_COLUMNS
from maillage.observatory.reference_tables import create_classes

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
        raise SnapshotRefused(f"Fichier SIRENE illisible : {error}") from None
    _check_columns(con, "etab", ESTABLISHMENTS, ", ".join(p.name for p in establishments))
    _check_columns(con, "units", UNITS, ", ".join(p.name for p in units))


def checksum(paths: Sequence[Path]) -> str:
    """One SHA-256 for one file; for several, the SHA-256 of their checksums in order."""
    sums = [file_checksum(p) for p in paths]
    if len(sums) == 1:
        return sums[0]
    return hashlib.sha256("\n".join(sums).encode()).hexdigest()


def create_sites(con: duckdb.DuckDBPyConnection) -> None:
    """`sites`: every establishment of the files with its unit's family (a view, not loaded).

    Only the units the classification places in the ESS are kept (`unit_families`, a few
    percent of a national file): a row whose unit is missing, closed or outside the ESS has the
    family "", so the 40 million establishments probe a small table instead of every unit."""
    con.execute(
        """CREATE TEMP VIEW unit_values AS SELECT
             trim(siren) AS siren,
             trim(coalesce(categorieJuridiqueUniteLegale, '')) AS category,
             upper(trim(coalesce(economieSocialeSolidaireUniteLegale, ''))) AS flag,
             trim(coalesce(nomenclatureActivitePrincipaleUniteLegale, '')) AS nomenclature,
             trim(coalesce(activitePrincipaleUniteLegale, '')) AS unit_naf,
             etatAdministratifUniteLegale = 'A' AS active
           FROM units"""
    )
    create_classes(con, "unit_values")
    con.execute(
        """CREATE TEMP TABLE unit_families AS SELECT u.siren, c.family
           FROM unit_values u JOIN classes c ON c.category = u.category AND c.flag = u.flag
             AND c.nomenclature = u.nomenclature AND c.unit_naf = u.unit_naf
           WHERE u.active AND c.family <> ''"""
    )
    naf = NAF_SQL.format(
        code="e.activitePrincipaleEtablissement",
        nom="e.nomenclatureActivitePrincipaleEtablissement",
    )
    con.execute(
        f"""CREATE TEMP VIEW sites AS SELECT
              trim(e.siret) AS siret,
              upper(trim(coalesce(e.codeCommuneEtablissement, ''))) AS code,
              e.etatAdministratifEtablissement AS state,
              trim(coalesce(e.trancheEffectifsEtablissement, '')) AS bracket,
              {naf} AS naf,
              coalesce(u.family, '') AS family
            FROM etab e LEFT JOIN unit_families u ON u.siren = trim(e.siren)"""
    )


def load_territory(con: duckdb.DuckDBPyConnection) -> None:
    """Materialise the territory's rows (a few thousand) in one pass, check them, keep `facts`.

    The commune filter comes before the join to the units, so that only the territory's rows
    look up a family."""
    naf = NAF_SQL.format(
        code="e.activitePrincipaleEtablissement",
        nom="e.nomenclatureActivitePrincipaleEtablissement",
    )
    try:
        con.execute(
            f"""CREATE TEMP TABLE territory_sites AS
                WITH local AS (
                  SELECT e.*, m.current FROM etab e
                  JOIN communes m ON m.code = upper(trim(coalesce(e.codeCommuneEtablissement, '')))
                )
                SELECT trim(e.siret) AS siret,
                  upper(trim(coalesce(e.codeCommuneEtablissement, ''))) AS code,
                  e.etatAdministratifEtablissement AS state,
                  trim(coalesce(e.trancheEffectifsEtablissement, '')) AS bracket,
                  {naf} AS naf,
                  coalesce(u.family, '') AS family,
                  e.current
                FROM local e LEFT JOIN unit_families u ON u.siren = trim(e.siren)"""
        )
    except duckdb.Error as error:
        raise SnapshotRefused(f"Fichier SIRENE illisible : {error}") from None
    check_rows(con)
    con.execute(f"CREATE TEMP TABLE facts ({FACTS_COLUMNS})")
    con.execute(
        """INSERT INTO facts SELECT siret, current, state = 'A', bracket, naf, family
           FROM territory_sites"""
    )


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


def check_rows(con: duckdb.DuckDBPyConnection) -> None:
    """Refuse rows that would make the figures wrong, naming the first one."""
    if con.execute("SELECT 1 FROM territory_sites LIMIT 1").fetchone() is None:
        raise SnapshotRefused(
            "Le fichier ne contient aucun établissement des communes du territoire."
        )
    for sql, message in CHECKS:
        found = con.execute(sql).fetchone()
        if found is not None:
            raise SnapshotRefused(message.format(*found))


def holds_all_sectors(con: duckdb.DuckDBPyConnection) -> bool:
    """A file with establishments outside the ESS holds every sector, not ESS rows only."""
    found = con.execute("SELECT 1 FROM facts WHERE family = '' LIMIT 1").fetchone()
    return found is not None


def area_facts(con: duckdb.DuckDBPyConnection) -> None:
    """`area_facts`: the same facts for every row of the files, keyed by département."""
    con.execute(
        f"""CREATE TEMP VIEW area_facts AS SELECT siret, {DEPARTEMENT_SQL} AS departement,
              state = 'A' AS open, bracket, naf, family FROM sites"""
    )
