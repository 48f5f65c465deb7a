"""A generated national-size SIRENE stock in Parquet, with the official column names.

40 million establishments over ~35,000 commune codes of every département (so that one
territory holds a tiny fraction of the rows) and 20 million legal units with a realistic mix of
legal categories, ESS flags, states, brackets and NAF codes. Deterministic (hashes of the row
number), cached under var/bench/ and reused when present.

Two encodings of the same rows, as INSEE's own Parquet files may be either: the worst case as
DuckDB writes it by default (the commune code, the SIRET and the SIREN stored plain, too many
distinct values per row group for its dictionary), and `dictionary_stock`, every text column
dictionary-encoded but the identifiers (the writer's dictionary large enough for every commune
code of a row group).

Rows are in the order of INSEE's stock files: establishments by SIRET (each unit's two
establishments side by side), units by SIREN. Commune codes are spread by a hash of the row, so
that, as in the real file, the order groups nothing by commune and row-group statistics on the
commune column cannot skip anything: a territory's rows are found by reading the whole column.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from maillage.observatory.sources.areas import ALL_DEPARTEMENTS
from tests.observatory.sirene_files import ESTABLISHMENT_COLUMNS, UNIT_COLUMNS

ESTABLISHMENTS = 40_000_000
UNITS = 20_000_000
CODES_PER_DEPARTEMENT = 350  # × 101 départements ≈ 35,000 commune codes
CACHE = Path(__file__).resolve().parent.parent / "var" / "bench"


def _weighted(choices: dict[str, int], seed: int) -> str:
    """SQL picking one value per row `i` with the given weights (percent), or NULL for None."""
    values = [value for value, weight in choices.items() for _ in range(weight)]
    assert len(values) == 100, len(values)
    literal = ", ".join("NULL" if v is None else f"'{v}'" for v in values)
    return f"([{literal}])[1 + CAST(hash(i, {seed}) % 1000003 AS BIGINT) % 100]"


BRACKETS = {None: 25, "NN": 40, "00": 6, "01": 9, "02": 6, "03": 4, "11": 3, "12": 2, "21": 1}
BRACKETS |= {"22": 1, "31": 1, "32": 1, "41": 1}
NAF = [
    "88.99B", "94.99Z", "47.11B", "56.10A", "62.01Z", "85.59A", "86.21Z", "43.21A", "68.20A",
    "70.22Z", "01.11Z", "10.71C", "49.41A", "55.10Z", "93.12Z", "90.01Z", "84.11Z", "64.19Z",
    "65.12Z", "87.30A", "88.10A", "87.10A", "94.91Z", "96.02A", "41.20A",
]  # fmt: skip
CATEGORIES = {"1000": 44, "5499": 15, "5710": 15, "5720": 4, "6540": 3, "9220": 10, "9210": 1}
CATEGORIES |= {"5458": 1, "6317": 1, "6411": 1, "8210": 1, "9300": 1, "7210": 3}


def _pct(seed: int) -> str:
    """A deterministic number from 0 to 99 for row `i`."""
    return f"CAST(hash(i, {seed}) % 1000003 AS BIGINT) % 100"


def _naf(seed: int) -> str:
    literal = ", ".join(f"'{c}'" for c in NAF)
    return f"([{literal}])[1 + CAST(hash(i, {seed}) % 1000003 AS BIGINT) % {len(NAF)}]"


def _commune() -> str:
    departements = sorted(ALL_DEPARTEMENTS)
    literal = ", ".join(f"'{d}'" for d in departements)
    slot = f"CAST(hash(i, 1) % 1000003 AS BIGINT) % {len(departements) * CODES_PER_DEPARTEMENT}"
    departement = f"([{literal}])[1 + ({slot}) // {CODES_PER_DEPARTEMENT}]"
    number = f"({slot}) % {CODES_PER_DEPARTEMENT} + 1"
    return (
        # 0.5 % abroad: no commune code
        "CASE WHEN CAST(hash(i, 2) % 1000003 AS BIGINT) % 200 = 0 THEN NULL "
        f"WHEN length({departement}) = 3 THEN {departement} || lpad(CAST({number} % 90 AS "
        f"VARCHAR), 2, '0') "
        f"ELSE {departement} || lpad(CAST({number} AS VARCHAR), 3, '0') END"
    )


def _copy(columns: list[str], values: dict[str, str], rows: int, target: Path) -> None:
    select = ", ".join(f'{values.get(c, "CAST(NULL AS VARCHAR)")} AS "{c}"' for c in columns)
    partial = target.with_suffix(".partial")
    con = duckdb.connect()
    con.execute("SET memory_limit = '4GB'")
    con.execute("SET enable_progress_bar = false")
    con.execute(
        f"COPY (SELECT {select} FROM range({rows}) t(i)) TO '{partial}' "
        "(FORMAT parquet, COMPRESSION zstd)"
    )
    con.close()
    partial.rename(target)


def national_stock(directory: Path = CACHE) -> tuple[Path, Path]:
    """(StockEtablissement, StockUniteLegale) Parquet files, generated once."""
    directory.mkdir(parents=True, exist_ok=True)
    etab = directory / f"StockEtablissement_{ESTABLISHMENTS // 1_000_000}M_siret.parquet"
    units = directory / f"StockUniteLegale_{UNITS // 1_000_000}M.parquet"
    per_unit = ESTABLISHMENTS // UNITS
    siren = f"lpad(CAST(i // {per_unit} AS VARCHAR), 9, '0')"
    nic = f"lpad(CAST(i % {per_unit} + 1 AS VARCHAR), 5, '0')"
    if not etab.exists():
        _copy(
            ESTABLISHMENT_COLUMNS,
            {
                "siren": siren,
                "nic": nic,
                "siret": f"{siren} || {nic}",
                "statutDiffusionEtablissement": "'O'",
                "dateCreationEtablissement": "'2010-03-01'",
                "trancheEffectifsEtablissement": _weighted(BRACKETS, 3),
                "etablissementSiege": f"CASE WHEN i % {per_unit} = 0 THEN 'true' ELSE 'false' END",
                "codeCommuneEtablissement": _commune(),
                "etatAdministratifEtablissement": f"CASE WHEN {_pct(4)} < 35 THEN 'F' ELSE 'A' END",
                "activitePrincipaleEtablissement": _naf(5),
                "nomenclatureActivitePrincipaleEtablissement": f"CASE WHEN {_pct(6)} < 8 "
                "THEN 'NAFRev1' ELSE 'NAFRev2' END",
            },
            ESTABLISHMENTS,
            etab,
        )
    if not units.exists():
        _copy(
            UNIT_COLUMNS,
            {
                "siren": "lpad(CAST(i AS VARCHAR), 9, '0')",
                "statutDiffusionUniteLegale": "'O'",
                "categorieJuridiqueUniteLegale": _weighted(CATEGORIES, 7),
                "economieSocialeSolidaireUniteLegale": f"CASE WHEN {_pct(8)} < 6 THEN 'O' "
                f"WHEN {_pct(8)} < 90 THEN 'N' ELSE NULL END",
                "etatAdministratifUniteLegale": f"CASE WHEN {_pct(9)} < 30 THEN 'C' ELSE 'A' END",
                "activitePrincipaleUniteLegale": _naf(10),
                "nomenclatureActivitePrincipaleUniteLegale": "'NAFRev2'",
            },
            UNITS,
            units,
        )
    return etab, units


# Distinct values a row group's dictionary may hold: every commune code (35 000) fits, as in a
# writer that falls back to plain only past its dictionary page limit; the SIRET and SIREN,
# distinct on every row, stay plain (a dictionary of each row group's 122 880 SIRET ran DuckDB
# out of 4 Go on the 40 M rows).
DICTIONARY_ENTRIES = 40_000


def dictionary_stock(directory: Path = CACHE) -> tuple[Path, Path]:
    """The same stock with every text column but the identifiers dictionary-encoded, converted
    once from `national_stock`'s files (rows kept in their order)."""
    plain = national_stock(directory)
    converted = []
    for source in plain:
        target = source.with_name(source.stem + "_dictionnaire.parquet")
        if not target.exists():
            partial = target.with_suffix(".partial")
            con = duckdb.connect()
            con.execute("SET memory_limit = '4GB'")
            con.execute("SET enable_progress_bar = false")
            con.execute(f"SET temp_directory = '{directory / 'debordement'}'")
            con.execute(
                f"COPY (SELECT * FROM read_parquet('{source}')) TO '{partial}' "
                f"(FORMAT parquet, COMPRESSION zstd, DICTIONARY_SIZE_LIMIT {DICTIONARY_ENTRIES})"
            )
            con.close()
            partial.rename(target)
        converted.append(target)
    return converted[0], converted[1]
