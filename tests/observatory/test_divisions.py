"""The NAF divisions breakdown: French names, the main ones on the page, all in the CSV."""

import csv
import io
from datetime import date

from maillage.directory.nomenclatures import naf_divisions
from maillage.observatory.enums import Dimension
from maillage.observatory.figures.compute import compute_from_directory
from tests.observatory.conftest import REDON, commune
from tests.observatory.factories import EstablishmentFactory

DAY = date(2025, 1, 1)
# One small non-employer establishment in each of eleven more divisions (15 in all).
MORE = ["01.11Z", "10.71C", "41.20A", "49.41A", "55.10Z", "56.10A", "62.01Z", "64.19Z"]
MORE += ["68.20A", "70.22Z", "85.59A"]


def test_every_division_of_the_nomenclature_has_its_french_name():
    labels = naf_divisions()

    assert len(labels) == 88
    assert labels["88"] == "Action sociale sans hébergement"
    assert labels["18"] == "Imprimerie et reproduction d’enregistrements"  # typographic ’


def test_division_figures_carry_code_and_name_largest_employers_first(hand_directory):
    snapshot = compute_from_directory(data_date=DAY)

    divisions = list(snapshot.figures.of(Dimension.DIVISION).order_by("position"))

    assert [f.label for f in divisions[:2]] == [
        "88 – Action sociale sans hébergement",
        "47 – Commerce de détail, à l’exception des automobiles et des motocycles",
    ]


def test_the_page_shows_the_ten_main_divisions_and_sums_up_the_others(client, hand_directory):
    for naf in MORE:
        EstablishmentFactory(
            commune=commune(REDON), employee_bracket="NN", naf_code=naf, naf_section="X"
        )
    snapshot = compute_from_directory(data_date=DAY)
    stored = snapshot.figures.of(Dimension.DIVISION).count()

    page = client.get("/observatoire/").content.decode()
    table = page.split("<caption>Principales divisions NAF")[1].split("</table>")[0]
    response = client.get(f"/observatoire/tableaux/divisions.csv?instantane={snapshot.pk}")
    rows = [r for r in csv.reader(io.StringIO(response.content.decode())) if r and r[0]]

    assert stored == 15
    assert table.count('<th scope="row">') == 10
    assert "88 – Action sociale sans hébergement" in table
    assert "Les 5 autres divisions comptent 5 établissements et 0 emploi" in page
    assert len(rows) == 1 + 15 + 1  # header, every division, the method note
