"""Observatory snapshot from a generated 1,000,000-row SIRENE stock, against DuckDB merely
counting the rows of the same file in the same run.

Prints rows/s and peak resident-memory growth (sampled from /proc) for both; the budget is the
ratio of times (the snapshot reads the file twice, joins the units file and aggregates).
"""

import time
from pathlib import Path

import duckdb
import pytest

from benchmarks.process_memory import PeakMemory
from maillage.core.french import number as fr
from maillage.observatory.figures.compute import compute_from_sirene
from maillage.territory.queries import current_territory
from tests.observatory.sirene_files import ESTABLISHMENT_COLUMNS, UNIT_COLUMNS

ROWS = 1_000_000
TIME_BUDGET = 12  # × the bare count
EMPTY = "''"
OUTSIDE = ["44109", "56260", "29019", "75056", "69123", "13055", "31555", "33063"]


def _generate(directory: Path, codes: list[str]) -> tuple[Path, Path]:
    communes = ", ".join(f"'{c}'" for c in codes + OUTSIDE)
    values = {
        "siren": "lpad(CAST(i // 2 AS VARCHAR), 9, '0')",
        "nic": "lpad(CAST(i % 2 AS VARCHAR), 5, '0')",
        "siret": "lpad(CAST(i // 2 AS VARCHAR), 9, '0') || lpad(CAST(i % 2 AS VARCHAR), 5, '0')",
        "trancheEffectifsEtablissement": "(['NN','01','02','03','11','12','21',''])[1 + i % 8]",
        "etablissementSiege": "'true'",
        "codeCommuneEtablissement": f"([{communes}])[1 + (i * 7) % {len(codes) + len(OUTSIDE)}]",
        "etatAdministratifEtablissement": "CASE WHEN i % 10 = 0 THEN 'F' ELSE 'A' END",
        "activitePrincipaleEtablissement": "(['88.99B','47.11B','94.99Z','85.59A'])[1 + i % 4]",
        "nomenclatureActivitePrincipaleEtablissement": "'NAFRev2'",
    }
    select = ", ".join(f'{values.get(c, EMPTY)} AS "{c}"' for c in ESTABLISHMENT_COLUMNS)
    etab = directory / "StockEtablissement.csv"
    duckdb.sql(
        f"COPY (SELECT {select} FROM range({ROWS}) t(i)) TO '{etab}' (HEADER, DELIMITER ',')"
    )
    unit_values = {
        "siren": "lpad(CAST(i AS VARCHAR), 9, '0')",
        "categorieJuridiqueUniteLegale": "(['9220','5458','5499','6411','5710'])[1 + i % 5]",
        "economieSocialeSolidaireUniteLegale": "CASE WHEN i % 3 = 0 THEN 'O' ELSE 'N' END",
        "etatAdministratifUniteLegale": "'A'",
        "activitePrincipaleUniteLegale": "'88.99B'",
        "nomenclatureActivitePrincipaleUniteLegale": "'NAFRev2'",
    }
    select = ", ".join(f'{unit_values.get(c, EMPTY)} AS "{c}"' for c in UNIT_COLUMNS)
    units = directory / "StockUniteLegale.csv"
    duckdb.sql(f"COPY (SELECT {select} FROM range({ROWS // 2}) t(i)) TO '{units}' (HEADER)")
    return etab, units


@pytest.mark.django_db
def test_snapshot_from_a_million_row_stock_against_a_bare_count(tmp_path, capsys):
    territory = current_territory()
    codes = list(territory.communes.values_list("code", flat=True))
    etab, units = _generate(tmp_path, codes)

    with PeakMemory() as count_memory:
        start = time.perf_counter()
        counted = (
            duckdb.connect()
            .execute(f"SELECT count(*) FROM read_csv('{etab}', all_varchar = true, header = true)")
            .fetchone()[0]
        )
        count_seconds = time.perf_counter() - start
    with PeakMemory() as snapshot_memory:
        start = time.perf_counter()
        snapshot = compute_from_sirene([etab], [units])
        snapshot_seconds = time.perf_counter() - start

    assert counted == ROWS
    assert snapshot.figures.exists()
    ratio = snapshot_seconds / count_seconds
    with capsys.disabled():
        print(
            f"\nobservatoire, {fr(ROWS)} lignes SIRENE ({len(codes)} communes du territoire)\n"
            f"  comptage DuckDB : {fr(count_seconds, 2):>6} s  "
            f"{fr(ROWS / count_seconds):>12} lignes/s  "
            f"mémoire +{fr(count_memory.growth_mb):>6} Mo\n"
            f"  instantané      : {fr(snapshot_seconds, 2):>6} s  "
            f"{fr(ROWS / snapshot_seconds):>12} lignes/s  "
            f"mémoire +{fr(snapshot_memory.growth_mb):>6} Mo\n"
            f"  rapport temps   : {fr(ratio, 1)}× le comptage (budget {TIME_BUDGET}×)"
        )
    assert ratio <= TIME_BUDGET
