"""Prepared SIRENE vintages: read the stock once, then every snapshot reads only the prepared
data and gives the figures of the stock itself."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from maillage.observatory.enums import RunStatus
from maillage.observatory.errors import SnapshotRefused
from maillage.observatory.figures.compute import compute_from_sirene, compute_from_vintage
from maillage.observatory.figures.store import figures_digest
from maillage.observatory.models import PreparedVintage, Snapshot, SnapshotRun
from maillage.observatory.vintages import prepare, request_preparation
from tests.observatory.conftest import REDON
from tests.observatory.sirene_files import legal_unit, site, write_stock
from tests.observatory.test_sirene_figures import stock_rows
from tests.typeset import french

VINTAGE = date(2026, 11, 1)


@pytest.fixture
def vintages_dir(settings, tmp_path):
    settings.OBSERVATORY_VINTAGES_DIR = tmp_path / "millesimes"
    return settings.OBSERVATORY_VINTAGES_DIR


@pytest.fixture
def stock(tmp_path):
    folder = tmp_path / "stock"
    folder.mkdir()
    return write_stock(folder, *stock_rows(), parquet=True)


def prepared(etab, units, day=VINTAGE):
    return prepare(request_preparation(etab, units, day))


def direct_digest(etab, units, day=VINTAGE):
    """The figures computed from the stock itself, then forgotten (so that the prepared path
    computes its own rather than finding these)."""
    snapshot = compute_from_sirene([etab], [units], day)
    digest, content = figures_digest(snapshot), snapshot.content_hash
    snapshot.delete()
    return digest, content


@pytest.mark.parametrize("parquet", [True, False], ids=["parquet", "csv"])
def test_a_prepared_vintage_gives_the_figures_of_its_stock(
    territory, vintages_dir, tmp_path, parquet
):
    etab, units = write_stock(tmp_path, *stock_rows(), parquet=parquet)
    digest, content = direct_digest(etab, units)

    snapshot = compute_from_vintage(prepared(etab, units))

    assert figures_digest(snapshot) == digest
    assert snapshot.content_hash == content  # same source, checksum, vintage and territory
    assert snapshot.figures.filter(dimension="commune").count() == 2


def test_a_prepared_vintage_records_its_provenance(territory, vintages_dir, stock):
    vintage = prepared(*stock)

    vintage.refresh_from_db()
    assert vintage.status == RunStatus.SUCCEEDED
    assert vintage.source_name == "StockEtablissement.parquet, StockUniteLegale.parquet"
    assert len(vintage.checksum) == 64
    assert vintage.prepared_at is not None
    assert vintage.establishments == len(stock_rows()[0])
    folder = vintages_dir / vintage.folder
    assert sorted(p.name for p in folder.iterdir()) == [
        "communes.parquet",
        "departements.parquet",
        "etablissements.parquet",
        "provenance.json",
        "unites.parquet",
    ]
    assert vintage.checksum in (folder / "provenance.json").read_text()


def test_a_second_snapshot_is_recognised_without_reading_the_prepared_rows(
    territory, vintages_dir, stock
):
    vintage = prepared(*stock)
    first = compute_from_vintage(vintage)
    # Without its establishments the vintage could not be read again: only recognised.
    (vintages_dir / vintage.folder / "etablissements.parquet").unlink()

    second = compute_from_vintage(vintage)

    assert second.pk == first.pk
    assert Snapshot.objects.count() == 1


def test_the_snapshot_reads_the_prepared_data_not_the_stock(territory, vintages_dir, stock):
    vintage = prepared(*stock)
    for path in stock:
        path.unlink()

    snapshot = compute_from_vintage(vintage)

    # conftest: five ESS establishments open in the territory.
    assert snapshot.figures.get(dimension="area", key="pays-de-test").establishments == 5


def test_the_same_stock_is_prepared_once(territory, vintages_dir, stock):
    prepared(*stock)

    with pytest.raises(SnapshotRefused, match="déjà préparés"):
        prepared(*stock, day=date(2026, 12, 1))

    assert PreparedVintage.objects.ready().count() == 1
    assert PreparedVintage.objects.get(data_date=date(2026, 12, 1)).status == RunStatus.FAILED


def test_a_truncated_stock_is_refused_and_leaves_nothing(territory, vintages_dir, stock):
    etab, units = stock
    etab.write_bytes(etab.read_bytes()[: etab.stat().st_size // 2])

    with pytest.raises(SnapshotRefused, match="Fichier SIRENE illisible"):
        prepared(etab, units)

    vintage = PreparedVintage.objects.get()
    assert vintage.status == RunStatus.FAILED
    assert vintage.message.startswith("Fichier SIRENE illisible")
    assert not list(vintages_dir.iterdir())


def test_a_csv_cut_in_a_quoted_field_is_refused_and_leaves_nothing(
    territory, vintages_dir, tmp_path
):
    sites = [*stock_rows()[0], site("10000000700001", REDON, enseigne1Etablissement="CAFÉ")]
    etab, units = write_stock(tmp_path, sites, [*stock_rows()[1], legal_unit("100000007")])
    text = etab.read_text()
    etab.write_text(text[: text.rindex("CAFÉ")] + '"CAF')

    with pytest.raises(SnapshotRefused, match="illisible"):
        prepared(etab, units)

    assert not list(vintages_dir.iterdir())


def test_a_vintage_whose_folder_is_gone_is_refused_in_french(territory, vintages_dir, stock):
    vintage = prepared(*stock)
    for path in (vintages_dir / vintage.folder).iterdir():
        path.unlink()

    with pytest.raises(SnapshotRefused, match="introuvables : préparez-le à nouveau"):
        compute_from_vintage(vintage)


def test_commands_prepare_a_vintage_then_compute_its_snapshot(territory, vintages_dir, stock):
    out = StringIO()
    etab, units = stock
    call_command(
        "prepare_vintage",
        f"--etablissements={etab}",
        f"--unites={units}",
        "--millesime=2026-11-01",
        stdout=out,
    )
    assert "Millésime SIRENE du 01/11/2026 préparé en" in out.getvalue()

    call_command("compute_snapshot", "--source=millesime", "--millesime=2026-11-01", stdout=out)

    assert Snapshot.objects.get().data_date == VINTAGE
    with pytest.raises(CommandError, match="Aucun millésime préparé à cette date"):
        call_command("compute_snapshot", "--source=millesime", "--millesime=2020-01-01")


# --- The staff page ---------------------------------------------------------------------------


@pytest.fixture
def files_dir(settings, tmp_path, stock):
    settings.OBSERVATORY_FILES_DIR = stock[0].parent
    return stock[0].parent


def test_staff_queue_a_preparation_and_follow_it_to_its_provenance(
    client_for, staff, territory, vintages_dir, files_dir, django_capture_on_commit_callbacks
):
    client = client_for(staff)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/observatoire/millesimes/",
            {
                "etablissements": "StockEtablissement.parquet",
                "unites": "StockUniteLegale.parquet",
                "date": "2026-11-01",
            },
        )
    page = client.get("/observatoire/millesimes/").content.decode()

    vintage = PreparedVintage.objects.get()
    assert vintage.status == RunStatus.SUCCEEDED, vintage.message
    assert vintage.requested_by == staff
    assert "Préparation demandée" in page
    assert "01/11/2026" in page
    assert vintage.checksum[:14] in page
    assert f"{len(stock_rows()[0])} établissements préparés" in page


def test_the_page_shows_the_step_of_a_running_preparation_and_polls(
    client_for, staff, territory, vintages_dir, files_dir
):
    PreparedVintage.objects.create(
        data_date=VINTAGE,
        establishments_path="e.parquet",
        units_path="u.parquet",
        source_name="e.parquet, u.parquet",
        status=RunStatus.RUNNING,
        step="étape 3 sur 4 : établissements triés par commune",
    )

    page = client_for(staff).get("/observatoire/millesimes/").content.decode()

    assert french("Étape 3 sur 4 : établissements triés par commune") in page
    assert 'hx-trigger="every 2s"' in page


def test_the_page_refuses_a_second_preparation_while_one_runs(
    client_for, staff, territory, vintages_dir, files_dir
):
    PreparedVintage.objects.create(
        data_date=VINTAGE, establishments_path="e", units_path="u", status=RunStatus.QUEUED
    )

    response = client_for(staff).post(
        "/observatoire/millesimes/",
        {
            "etablissements": "StockEtablissement.parquet",
            "unites": "StockUniteLegale.parquet",
            "date": "2026-12-01",
        },
        follow=True,
    )

    assert "déjà en cours" in response.content.decode()
    assert PreparedVintage.objects.count() == 1


def test_the_page_wants_a_vintage_date_and_a_file_of_the_folder(
    client_for, staff, territory, vintages_dir, files_dir
):
    client = client_for(staff)
    no_date = {"etablissements": "StockEtablissement.parquet", "unites": "StockUniteLegale.parquet"}
    elsewhere = no_date | {"etablissements": "/etc/passwd", "date": "2026-11-01"}

    assert (
        "Indiquez la date du millésime"
        in client.post("/observatoire/millesimes/", no_date, follow=True).content.decode()
    )
    assert (
        "Fichier inconnu"
        in client.post("/observatoire/millesimes/", elsewhere, follow=True).content.decode()
    )
    assert not PreparedVintage.objects.exists()


def test_staff_compute_a_snapshot_from_a_prepared_vintage(
    client_for, staff, territory, vintages_dir, stock, django_capture_on_commit_callbacks
):
    vintage = prepared(*stock)
    client = client_for(staff)
    assert (
        "01/11/2026 (StockEtablissement.parquet"
        in client.get("/observatoire/instantanes/").content.decode()
    )

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/observatoire/instantanes/", {"source": "millesime", "millesime": vintage.pk})

    run = SnapshotRun.objects.get()
    assert run.status == RunStatus.SUCCEEDED, run.message
    assert run.snapshot.data_date == VINTAGE
    assert run.snapshot.checksum == vintage.checksum


def test_the_vintage_page_is_for_staff_only(client_for, member):
    assert client_for(None).get("/observatoire/millesimes/").status_code in {302, 403}
    assert client_for(member).get("/observatoire/millesimes/").status_code == 403
