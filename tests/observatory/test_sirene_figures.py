"""Figures from SIRENE stocks read by DuckDB: the same as the directory path on the same rows."""

from datetime import date
from decimal import Decimal

import pytest

from maillage.directory.sources.sirene import SireneImporter
from maillage.observatory.enums import AreaLevel, Denominator, Dimension, SourceKind
from maillage.observatory.errors import SnapshotRefused
from maillage.observatory.figures.compute import compute_from_directory, compute_from_sirene
from maillage.observatory.models import Snapshot
from tests.observatory.conftest import BAINS, OLD_BAINS, OUTSIDE, REDON
from tests.observatory.sirene_files import legal_unit, site, write_csv, write_stock

DAY = date(2025, 1, 1)
ESS_FIELDS = (
    "dimension",
    "key",
    "label",
    "parent",
    "establishments",
    "employers",
    "jobs_low",
    "jobs_mid",
    "jobs_high",
    "unknown_brackets",
    "population",
)


def stock_rows():
    """The hand directory of conftest as a stock, plus what only a full file holds.

    Outside the ESS but in the territory (all-sector denominator): a SARL 50–99 (74.5 jobs), a
    ceased association's site 10–19 (14.5), a trade union 3–5 (4): all sectors = 23.5 + 93.
    """
    sites = [
        site("10000000100001", REDON, "11"),
        site("10000000100002", OLD_BAINS, "01"),  # an old code, now Bains-sur-Oust
        site("10000000100003", REDON, "12", state="F"),
        site("10000000200001", REDON, "03", naf="47.11B"),
        site("10000000300001", BAINS, "NN", naf="93.12Z"),
        site("10000000400001", REDON, "", naf="94.99Z"),
        site("10000000500001", REDON, "21", naf="4711B"),
        site("10000000600001", OUTSIDE, "11"),
        site("10000000800001", REDON, "11"),
        site("10000000900001", REDON, "02", naf="94.20Z"),
    ]
    units = [
        legal_unit("100000001"),
        legal_unit("100000002", category="5458", flag="N", naf="47.11B"),
        legal_unit("100000003", naf="93.12Z"),
        legal_unit("100000004", naf="94.99Z"),
        legal_unit("100000005", category="5499", flag="N", naf="47.11B"),
        legal_unit("100000006"),
        legal_unit("100000008", state="C"),
        legal_unit("100000009", naf="94.20Z"),
    ]
    return sites, units


def ess_table(snapshot):
    figures = snapshot.figures.exclude(
        dimension=Dimension.AREA,
        level__in=[AreaLevel.DEPARTEMENT, AreaLevel.REGION, AreaLevel.FRANCE],
    )
    return sorted(figures.values_list(*ESS_FIELDS))


def full_table(snapshot):
    return sorted(snapshot.figures.values_list(*ESS_FIELDS, "all_establishments", "all_jobs"))


def test_sirene_csv_gives_the_figures_of_the_same_directory(hand_directory, tmp_path):
    from_directory = compute_from_directory(data_date=DAY)
    from_file = compute_from_sirene(*map(lambda p: [p], write_stock(tmp_path, *stock_rows())), DAY)

    assert from_file.source_kind == SourceKind.SIRENE
    assert ess_table(from_file) == ess_table(from_directory)


def test_parquet_and_csv_stocks_give_identical_snapshots(territory, tmp_path):
    (tmp_path / "csv").mkdir()
    (tmp_path / "pq").mkdir()
    csv_files = write_stock(tmp_path / "csv", *stock_rows())
    parquet_files = write_stock(tmp_path / "pq", *stock_rows(), parquet=True)

    from_csv = compute_from_sirene([csv_files[0]], [csv_files[1]], DAY)
    from_parquet = compute_from_sirene([parquet_files[0]], [parquet_files[1]], DAY)

    assert from_parquet.pk != from_csv.pk
    assert full_table(from_parquet) == full_table(from_csv)


def test_directory_imported_from_the_stock_gives_the_same_snapshot(territory, tmp_path):
    etab, units = write_stock(tmp_path, *stock_rows())
    SireneImporter(territory).run(etab, units)

    assert ess_table(compute_from_directory(data_date=DAY)) == ess_table(
        compute_from_sirene([etab], [units], DAY)
    )


def test_a_full_file_gives_its_own_all_sector_denominator(territory, tmp_path):
    etab, units = write_stock(tmp_path, *stock_rows())

    snapshot = compute_from_sirene([etab], [units], DAY)

    assert snapshot.denominator == Denominator.SAME_FILE
    area = snapshot.figures.get(dimension=Dimension.AREA, level=AreaLevel.TERRITORY)
    assert (area.establishments, area.jobs_mid) == (5, Decimal("23.5"))
    assert area.all_establishments == 8  # 5 ESS + SARL + ceased unit's site + union
    assert area.all_jobs == Decimal("116.5")
    assert area.job_share == Decimal("23.5") * 100 / Decimal("116.5")


def test_departements_covered_by_the_file_get_their_row_but_not_an_uncovered_region(
    territory, tmp_path
):
    etab, units = write_stock(tmp_path, *stock_rows())

    snapshot = compute_from_sirene([etab], [units], DAY)

    areas = {f.key: f for f in snapshot.figures.of(Dimension.AREA)}
    assert set(areas) == {"pays-de-test", "departement:35"}  # Allaire's 56 is not the territory's
    assert areas["departement:35"].establishments == 5
    assert areas["departement:35"].label == "Ille-et-Vilaine"


def test_an_ess_only_file_falls_back_to_no_denominator(territory, tmp_path):
    sites, units = stock_rows()
    etab, unit_file = write_stock(tmp_path, sites[:6], units[:4])

    snapshot = compute_from_sirene([etab], [unit_file], DAY)

    assert snapshot.denominator == Denominator.NONE


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"siret": "10000000100001"}, "SIRET en double"),
        ({"trancheEffectifsEtablissement": "99"}, "Tranche d’effectif inconnue « 99 »"),
        ({"etatAdministratifEtablissement": "X"}, "État administratif inconnu « X »"),
        ({"siret": "ABC"}, "SIRET invalide"),
    ],
)
def test_bad_rows_refuse_the_file_and_write_nothing(territory, tmp_path, change, message):
    sites, units = stock_rows()
    sites[3] = sites[3] | change
    etab, unit_file = write_stock(tmp_path, sites, units)

    with pytest.raises(SnapshotRefused, match=message):
        compute_from_sirene([etab], [unit_file], DAY)
    assert not Snapshot.objects.exists()


def test_a_file_with_missing_columns_is_refused(territory, tmp_path):
    etab = write_csv(tmp_path / "e.csv", ["siren", "siret"], [{"siren": "1", "siret": "2"}])
    _, units = write_stock(tmp_path, *stock_rows())

    with pytest.raises(SnapshotRefused, match="colonne"):
        compute_from_sirene([etab], [units], DAY)


def test_swapped_files_are_named(territory, tmp_path):
    etab, units = write_stock(tmp_path, *stock_rows())

    with pytest.raises(SnapshotRefused, match="unités légales"):
        compute_from_sirene([units], [etab], DAY)


def test_a_file_without_the_territory_is_refused(territory, tmp_path):
    etab, units = write_stock(
        tmp_path, [site("10000000600001", OUTSIDE)], [legal_unit("100000006")]
    )

    with pytest.raises(SnapshotRefused, match="aucun établissement"):
        compute_from_sirene([etab], [units], DAY)


def test_an_empty_territory_is_refused(territory, tmp_path):
    territory.communes.clear()
    etab, units = write_stock(tmp_path, *stock_rows())

    with pytest.raises(SnapshotRefused, match="aucune commune"):
        compute_from_sirene([etab], [units], DAY)


def test_a_missing_file_is_refused(territory, tmp_path):
    with pytest.raises(SnapshotRefused, match="introuvable"):
        compute_from_sirene([tmp_path / "absent.csv"], [tmp_path / "absent2.csv"], DAY)


def test_a_unit_without_ess_flag_is_classified_by_its_category(territory, tmp_path):
    """An empty flag (NULL once read) on an association still makes it an association."""
    sites = [site("10000000100001", REDON, "11"), site("10000000200001", REDON, "11")]
    units = [legal_unit("100000001", flag=""), legal_unit("100000002", "5499", flag="")]

    snapshot = compute_from_sirene(*([p] for p in write_stock(tmp_path, sites, units)), DAY)

    families = {f.key: f.establishments for f in snapshot.figures.filter(dimension="family")}
    assert families == {"association": 1}


def test_a_line_too_long_to_read_is_refused_in_french_without_quoting_it(territory, tmp_path):
    etab, units = write_stock(tmp_path, *stock_rows())
    with etab.open("a", encoding="utf-8") as stock:
        stock.write('"' + "x" * 3_000_000 + "\n")

    with pytest.raises(SnapshotRefused) as refused:
        compute_from_sirene([etab], [units], DAY)
    message = str(refused.value)
    assert message.startswith("Fichier SIRENE illisible : ")
    assert "Error" not in message
    assert "xxx" not in message
    assert not Snapshot.objects.exists()
