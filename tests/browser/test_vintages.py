"""The staff page of prepared SIRENE vintages in real Chromium: a preparation asked for from the
page, followed to its end by the page itself (htmx polling), axe-clean, usable at 390 px."""

from datetime import date

import pytest

from maillage.observatory.enums import RunStatus
from maillage.observatory.models import PreparedVintage
from tests.browser.sessions import assert_no_serious_axe_violations, signed_in
from tests.factories import UserFactory
from tests.observatory.sirene_files import write_stock
from tests.observatory.test_sirene_figures import stock_rows

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
# The page itself never scrolls sideways: a wide table scrolls inside its .table-wrap.
TOO_WIDE = """() => document.documentElement.scrollWidth > window.innerWidth"""


@pytest.fixture
def stock_folder(hub_data, settings, tmp_path):
    settings.OBSERVATORY_FILES_DIR = tmp_path / "depot"
    settings.OBSERVATORY_VINTAGES_DIR = tmp_path / "millesimes"
    settings.OBSERVATORY_FILES_DIR.mkdir()
    write_stock(settings.OBSERVATORY_FILES_DIR, *stock_rows(), parquet=True)
    return settings.OBSERVATORY_FILES_DIR


def test_staff_prepare_a_vintage_and_see_it_done_without_reloading(
    audit_page, live_server, stock_folder, settings
):
    # The page queues the task; with tasks run inline the preparation is done by the redirect,
    # so a running one is shown first, as the worker would leave it mid-way.
    PreparedVintage.objects.create(
        data_date=date(2026, 10, 1),
        establishments_path="ancien.parquet",
        units_path="ancien-ul.parquet",
        source_name="ancien.parquet, ancien-ul.parquet",
        status=RunStatus.FAILED,
        message="Fichier SIRENE illisible : il ne peut pas être ouvert.",
    )
    page = signed_in(audit_page, live_server, UserFactory(staff=True))
    page.goto(live_server.url + "/observatoire/millesimes/")
    assert_no_serious_axe_violations(page)

    page.select_option("#etablissements", "StockEtablissement.parquet")
    page.select_option("#unites", "StockUniteLegale.parquet")
    page.fill("#date", "2026-11-01")
    page.get_by_role("button", name="Préparer le millésime").click()

    page.get_by_text("Préparation demandée").wait_for()
    row = page.locator("#millesimes tbody tr").first
    assert "01/11/2026" in row.inner_text()
    assert "Terminé" in row.inner_text()
    assert "10 établissements préparés" in row.inner_text()
    assert PreparedVintage.objects.ready().get().requested_by.is_hub_staff
    assert_no_serious_axe_violations(page)


def test_the_vintage_page_fits_a_phone_and_polls_while_a_preparation_runs(
    audit_page, live_server, stock_folder
):
    running = PreparedVintage.objects.create(
        data_date=date(2026, 11, 1),
        establishments_path="StockEtablissement.parquet",
        units_path="StockUniteLegale.parquet",
        source_name="StockEtablissement.parquet, StockUniteLegale.parquet",
        status=RunStatus.RUNNING,
        step="étape 3 sur 4 : établissements triés par commune",
    )
    page = signed_in(audit_page, live_server, UserFactory(staff=True))
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/observatoire/millesimes/")

    assert not page.evaluate(TOO_WIDE)
    assert page.get_by_role("status").inner_text().startswith("Étape 3 sur 4")
    assert_no_serious_axe_violations(page)

    # The worker finishes: the polling table shows it without a reload.
    PreparedVintage.objects.filter(pk=running.pk).update(
        status=RunStatus.SUCCEEDED, step="", message="10 établissements préparés."
    )
    page.get_by_text("10 établissements préparés").wait_for(timeout=10_000)
    assert page.locator("#millesimes[hx-get]").count() == 0  # stops polling once done
