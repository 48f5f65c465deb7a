"""A prepared vintage: what every territory's snapshot needs from a national SIRENE stock,
written once per data vintage so that a snapshot never reads the stock again.

One folder per vintage, written under a temporary name and renamed when complete (a refused or
interrupted preparation leaves nothing a snapshot could read):
- `etablissements.parquet`: every establishment's columns that a snapshot reads, as published,
  with its unit's ESS family already joined, sorted by commune code in small row groups, so that
  a territory's rows are read from a few row groups picked by their statistics;
- `departements.parquet`: the open establishments counted by département prefix, bracket and
  ESS or not, from which every comparison area (département, région, France) adds up;
- `communes.parquet`: per commune code, the establishments and those outside the ESS, read
  before any other file (is the territory in the file; does it hold every sector);
- `unites.parquet`: the active units in the ESS and their family;
- `provenance.json`: the source files, their checksum, the vintage date, when it was prepared.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
from django.conf import settings

from maillage.observatory.errors import SnapshotRefused
from maillage.observatory.sources import sirene
from maillage.observatory.sources.workspace import connect

SITES = "etablissements.parquet"
AREAS = "departements.parquet"
COMMUNES = "communes.parquet"
UNITS = "unites.parquet"
PROVENANCE = "provenance.json"
# Rows per row group of the sorted establishments: small enough that a territory's communes
# fall in few of them, large enough that the file's statistics stay small.
ROW_GROUP_ROWS = 16_384
# The columns a snapshot reads (`sirene.load_territory`), under their published names.
SITE_COLUMNS = (
    "siret",
    "codeCommuneEtablissement",
    "etatAdministratifEtablissement",
    "trancheEffectifsEtablissement",
    "activitePrincipaleEtablissement",
    "nomenclatureActivitePrincipaleEtablissement",
)


@dataclass(frozen=True)
class PreparedStock:
    establishments: int
    ess_units: int


def vintages_dir() -> Path:
    return Path(settings.OBSERVATORY_VINTAGES_DIR)


def _quoted(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _copy(con: duckdb.DuckDBPyConnection, query: str, target: Path, options: str = "") -> None:
    con.execute(f"COPY ({query}) TO {_quoted(target)} (FORMAT parquet{options})")


def _write(
    con: duckdb.DuckDBPyConnection, folder: Path, progress: Callable[[str], None]
) -> PreparedStock:
    """Write the files from the opened stock (`etab`, `units`) into `folder`."""
    progress("familles des unités légales")
    sirene.create_unit_families(con)
    _copy(con, "SELECT * FROM unit_families", folder / UNITS)
    progress("établissements triés par commune")
    columns = ", ".join(f"e.{c}" for c in SITE_COLUMNS)
    _copy(
        con,
        f"SELECT {columns}, u.family FROM {sirene.STOCK_SITES} ORDER BY e.codeCommuneEtablissement",
        folder / SITES,
        f", ROW_GROUP_SIZE {ROW_GROUP_ROWS}",
    )
    progress("agrégats par département et par commune")
    sites = f"read_parquet({_quoted(folder / SITES)}) e"
    sirene.group_areas(con, sites, ess="e.family IS NOT NULL")
    _copy(con, "SELECT * FROM area_groups", folder / AREAS)
    _copy(
        con,
        f"""SELECT e.codeCommuneEtablissement AS code, count(*) AS n,
              count(*) FILTER (WHERE e.family IS NULL) AS outside_ess
            FROM {sites} GROUP BY 1""",
        folder / COMMUNES,
    )
    row = con.execute(
        f"SELECT (SELECT sum(n) FROM read_parquet({_quoted(folder / COMMUNES)})), "
        "(SELECT count(*) FROM unit_families)"
    ).fetchone()
    assert row is not None
    return PreparedStock(int(row[0] or 0), int(row[1]))


def prepare_stock(
    establishments: Sequence[Path],
    units: Sequence[Path],
    target: Path,
    provenance: dict[str, Any],
    progress: Callable[[str], None],
) -> PreparedStock:
    """Read the stock once and write the vintage's folder `target`, all or nothing."""
    if target.exists():
        raise SnapshotRefused(f"Le dossier « {target.name} » existe déjà : millésime déjà préparé.")
    partial = target.with_name(f".{target.name}.partiel")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    con = connect()
    try:
        con.execute(f"SET temp_directory = {_quoted(partial / 'debordement')}")
        sirene.open_files(con, establishments, units)
        prepared = _write(con, partial, progress)
        shutil.rmtree(partial / "debordement", ignore_errors=True)
        details = provenance | {"etablissements": prepared.establishments}
        (partial / PROVENANCE).write_text(json.dumps(details, ensure_ascii=False, indent=2))
        partial.rename(target)
        return prepared
    except duckdb.Error as error:
        raise sirene.unreadable(error) from None
    finally:
        con.close()
        shutil.rmtree(partial, ignore_errors=True)


def _folder(name: str) -> Path:
    folder = vintages_dir() / name
    if not name or not (folder / PROVENANCE).is_file():
        raise SnapshotRefused(
            "Les données préparées de ce millésime sont introuvables : préparez-le à nouveau."
        )
    return folder


def territory_sites_count(con: duckdb.DuckDBPyConnection, name: str) -> tuple[int, int]:
    """(establishments, establishments outside the ESS) of the `communes` codes in the vintage
    `name`, from its commune index only."""
    index = _quoted(_folder(name) / COMMUNES)
    row = con.execute(
        f"SELECT coalesce(sum(n), 0), coalesce(sum(outside_ess), 0) FROM read_parquet({index}) "
        "WHERE code IN (SELECT code FROM communes)"
    ).fetchone()
    assert row is not None
    return int(row[0]), int(row[1])


def load_vintage(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """`territory_sites` (checked) and `area_groups` from the vintage `name`, as the stock
    files would give them."""
    folder = _folder(name)
    try:
        sirene.load_territory(con, f"read_parquet({_quoted(folder / SITES)}) e", "e.family")
        areas = _quoted(folder / AREAS)
        con.execute(f"CREATE TEMP TABLE area_groups AS SELECT * FROM read_parquet({areas})")
    except duckdb.Error as error:
        raise sirene.unreadable(error) from None
