"""Public pages, downloads, drill-down links and staff-only pages."""

import csv
import io
from datetime import date
from xml.etree import ElementTree

import pytest

from maillage.core import demo
from maillage.observatory.enums import RunStatus, SourceKind
from maillage.observatory.figures.compute import compute_from_directory, compute_from_sirene
from maillage.observatory.models import Snapshot, SnapshotRun
from tests.observatory.conftest import BAINS, OUTSIDE, REDON
from tests.observatory.factories import LegalUnitFactory
from tests.observatory.sirene_files import write_stock
from tests.observatory.test_sirene_figures import stock_rows

DAY = date(2025, 1, 1)
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def snapshot(hand_directory):
    return compute_from_directory(data_date=DAY)


def test_overview_without_snapshot_says_so(client, territory):
    response = client.get("/observatoire/")

    assert response.status_code == 200
    assert "pas encore calculés" in response.content.decode()


def test_overview_shows_key_figures_tables_and_charts(client, snapshot):
    page = client.get("/observatoire/").content.decode()

    assert "INVALID_TEMPLATE_VARIABLE" not in page
    assert page.count("<h1>") == 1
    assert "5 établissements employeurs" not in page  # 3 employ, not 5
    assert "3 établissements employeurs – 24 emplois" in page
    assert page.count("<caption>") >= 7
    assert page.count("<svg") == 3  # no trend with a single snapshot
    assert "style=" not in page
    assert "méthode 1.0" in page


def test_demo_snapshot_carries_the_demo_marker(client, hand_directory):
    demo.mark(compute_from_directory(data_date=DAY, is_demo=True))

    assert "données fictives de démonstration" in client.get("/observatoire/").content.decode()


def test_figures_drill_down_to_the_filtered_directory(client, snapshot):
    page = client.get("/observatoire/").content.decode()

    assert 'href="/annuaire/?famille=association"' in page
    assert 'href="/annuaire/?famille=cooperative"' in page
    assert f'href="/annuaire/?commune={REDON}"' in page
    assert 'href="/annuaire/?section=Q"' in page
    assert 'href="/annuaire/?epci=243500741"' in page


def test_a_sirene_snapshot_does_not_link_to_the_directory(client, territory, tmp_path):
    etab, units = write_stock(tmp_path, *stock_rows())
    compute_from_sirene([etab], [units], DAY)

    page = client.get("/observatoire/").content.decode()

    assert "?famille=" not in page
    assert "Tous les établissements du même fichier" not in page  # that is the staff label
    assert "tous secteurs" in page


def test_several_snapshots_draw_the_trend(client, hand_directory):
    compute_from_directory(data_date=date(2024, 1, 1))
    compute_from_directory(data_date=DAY)

    page = client.get("/observatoire/").content.decode()

    assert page.count("<svg") == 4
    assert "Évolution" in page


def test_csv_download_has_every_row_and_escapes_formulas(client, hand_directory):
    LegalUnitFactory()  # unused: only to show CSV counts come from the snapshot
    hand_directory.communes.first()
    from maillage.territory.models import Commune

    Commune.objects.filter(code=BAINS).update(name='=HYPERLINK("http://x")')
    snapshot = compute_from_directory(data_date=DAY)

    response = client.get(f"/observatoire/tableaux/communes.csv?instantane={snapshot.pk}")

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["code", "libelle", "etablissements_ess"]
    by_code = {r[0]: r for r in rows[1:] if r}
    assert by_code[REDON][1:7] == ["Redon", "3", "2", "22.0", "16", "28"]
    assert by_code[BAINS][1].startswith("'=")


def test_unknown_table_or_chart_is_404_and_bad_snapshot_400(client, snapshot):
    assert client.get("/observatoire/tableaux/inconnu.csv").status_code == 404
    assert client.get("/observatoire/graphiques/inconnu.svg").status_code == 404
    assert client.get("/observatoire/?instantane=abc").status_code == 400
    assert client.get("/observatoire/?instantane=99999").status_code == 404


def test_a_download_from_a_bad_or_missing_snapshot_is_refused(client, snapshot):
    assert client.get("/observatoire/tableaux/familles.csv?instantane=abc").status_code == 400
    assert client.get("/observatoire/graphiques/familles.png?instantane=abc").status_code == 400
    assert client.get("/observatoire/graphiques/familles.svg?instantane=99999").status_code == 404
    assert client.get("/observatoire/tableaux/zones.csv?instantane=99999").status_code == 404


@pytest.mark.parametrize("slug", ["familles", "secteurs", "carte", "evolution"])
def test_every_chart_downloads_as_valid_svg(client, snapshot, slug):
    response = client.get(f"/observatoire/graphiques/{slug}.svg")

    assert response["Content-Type"].startswith("image/svg+xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{SVG}svg"
    assert root.find(f"{SVG}title").text


def test_map_shades_communes_with_outlines(client, snapshot):
    root = ElementTree.fromstring(client.get("/observatoire/graphiques/carte.svg").content)

    titled = [t.text for g in root.iter(f"{SVG}g") for t in g.findall(f"{SVG}title")]
    assert len(titled) == 1  # only Redon has an outline in the fixture
    assert titled[0].startswith("Redon\u00a0: ")


def test_commune_page_compares_with_the_territory(client, snapshot):
    page = client.get(f"/observatoire/communes/{REDON}/").content.decode()

    assert "INVALID_TEMPLATE_VARIABLE" not in page
    assert f'href="/annuaire/?commune={REDON}"' in page
    assert "60,0\u00a0%" in page  # 3 of the territory's 5 establishments
    assert "Prochaines activités" in page


def test_commune_outside_the_territory_is_404(client, snapshot):
    assert client.get(f"/observatoire/communes/{OUTSIDE}/").status_code == 404
    assert client.get("/observatoire/communes/00000/").status_code == 404


@pytest.mark.parametrize("path", ["/observatoire/instantanes/", "/observatoire/comparaison/"])
def test_staff_pages_refuse_others(client_for, member, path):
    assert client_for(None).get(path).status_code in {302, 403}
    assert client_for(member).get(path).status_code == 403


def test_staff_queue_a_directory_computation_and_see_its_result(
    client_for, staff, hand_directory, django_capture_on_commit_callbacks
):
    client = client_for(staff)

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/observatoire/instantanes/", {"source": "directory"})
    response = client.get("/observatoire/instantanes/")

    run = SnapshotRun.objects.get()
    assert run.status == RunStatus.SUCCEEDED
    assert run.snapshot.source_kind == SourceKind.DIRECTORY
    page = response.content.decode()
    assert "Instantanés et leur provenance" in page
    assert run.snapshot.checksum[:10] in page


def test_staff_cannot_name_a_file_outside_the_folder(
    client_for, staff, territory, settings, tmp_path
):
    settings.OBSERVATORY_FILES_DIR = tmp_path
    client = client_for(staff)

    response = client.post(
        "/observatoire/instantanes/",
        {"source": "sirene", "etablissements": "/etc/passwd", "unites": "x.csv"},
        follow=True,
    )

    assert "Fichier inconnu" in response.content.decode()
    assert not SnapshotRun.objects.exists()


def test_staff_queue_a_sirene_computation_from_the_folder(
    client_for, staff, territory, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.OBSERVATORY_FILES_DIR = tmp_path
    etab, units = write_stock(tmp_path, *stock_rows())

    with django_capture_on_commit_callbacks(execute=True):
        client_for(staff).post(
            "/observatoire/instantanes/",
            {
                "source": "sirene",
                "etablissements": etab.name,
                "unites": units.name,
                "date": "2025-01-01",
            },
        )

    run = SnapshotRun.objects.get()
    assert run.status == RunStatus.SUCCEEDED, run.message
    assert run.snapshot.data_date == DAY


def test_a_refused_file_is_reported_on_the_run(
    client_for, staff, territory, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.OBSERVATORY_FILES_DIR = tmp_path
    etab, units = write_stock(tmp_path, *stock_rows())

    with django_capture_on_commit_callbacks(execute=True):
        client_for(staff).post(
            "/observatoire/instantanes/",
            {"source": "sirene", "etablissements": units.name, "unites": etab.name},
        )

    run = SnapshotRun.objects.get()
    assert run.status == RunStatus.FAILED
    assert "unités légales" in run.message
    assert not Snapshot.objects.exists()
