"""The observatory reads as a panorama: key figures, charts and the paragraph first, detailed
tables collapsed after them; every count opens the directory's matching list; no column of
dashes; the sources of populations and outlines are named."""

import re
from datetime import date

import pytest

from maillage.directory.models import Establishment
from maillage.observatory.enums import Dimension
from maillage.observatory.figures.compute import compute_from_directory
from tests.observatory.conftest import REDON
from tests.typeset import french

DAY = date(2025, 1, 1)


@pytest.fixture
def snapshot(hand_directory):
    return compute_from_directory(data_date=DAY)


@pytest.fixture
def territory_snapshot(hand_directory):
    """A directory holding the territory's establishments only, as a hub's directory does:
    each list behind a count then holds exactly what was counted."""
    Establishment.objects.exclude(commune__in=hand_directory.communes.all()).delete()
    return compute_from_directory(data_date=DAY)


def _table(page: str, caption: str) -> str:
    return page.split(f"<caption>{caption}")[1].split("</table>")[0]


def _listed(client, url: str) -> int:
    return client.get(url).context["page"].paginator.count


def test_key_figures_and_charts_come_first_and_tables_are_collapsed(client, snapshot):
    page = client.get("/observatoire/").content.decode()

    key_figures = page.index("Chiffres clés au")
    first_chart = page.index("<svg")
    tables = page.index("Tableaux détaillés")
    assert key_figures < page.index("prêt à copier") < first_chart < tables
    assert page.count('<details class="observatory-details">') >= 7
    assert '<details class="observatory-details" open' not in page


def test_every_count_opens_the_matching_directory_list(client, territory_snapshot):
    page = client.get("/observatoire/").content.decode()
    figures = territory_snapshot.figures

    association = figures.get(dimension=Dimension.FAMILY, key="association")
    assert (
        f'href="/annuaire/?famille=association&amp;employeurs=1">{association.employers}</a>'
        in page
    )
    redon = figures.get(dimension=Dimension.COMMUNE, key=REDON)
    url = f"/annuaire/?commune={REDON}&amp;employeurs=1"
    assert f'href="{url}">{redon.employers}</a>' in page
    assert _listed(client, url.replace("&amp;", "&")) == redon.employers

    division = figures.get(dimension=Dimension.DIVISION, key="88")
    assert f'href="/annuaire/?division=88">{division.establishments}</a>' in page
    assert _listed(client, "/annuaire/?division=88") == division.establishments

    bracket = figures.get(dimension=Dimension.SIZE, key="11")
    assert f'href="/annuaire/?tranche=11">{bracket.establishments}</a>' in page
    assert _listed(client, "/annuaire/?tranche=11") == bracket.establishments

    assert 'href="/annuaire/?employeurs=1">3</a>' in page  # the key figure
    assert _listed(client, "/annuaire/?employeurs=1") == 3


def test_the_directory_says_which_division_and_bracket_it_lists(client, snapshot):
    page = client.get("/annuaire/?division=88&tranche=11&employeurs=1").content.decode()

    assert "88 – Action sociale sans hébergement" in page
    assert "10 à 19 salariés" in page
    assert re.search(r'id="employeurs"[^>]*checked', page)


def test_unknown_division_or_bracket_is_refused_in_french(client, snapshot):
    response = client.get("/annuaire/?division=00&tranche=77")

    page = response.content.decode()
    assert response.status_code == 400
    assert french("Division NAF inconnue : « 00 »") in page
    assert french("Tranche d’effectif inconnue : « 77 »") in page


def test_columns_that_can_have_no_value_are_not_shown(client, snapshot):
    page = client.get("/observatoire/").content.decode()

    families = _table(page, "Établissements et emplois de l’ESS par famille")
    communes = _table(page, "L’ESS par commune")
    assert "Part de l’emploi salarié" not in families  # no denominator in this snapshot
    assert "pour 1 000 habitants" not in families  # a family has no population
    assert "pour 1 000 habitants" in communes  # a commune has one
    assert "<td>–</td>" not in families


def test_populations_and_outlines_name_their_source(client, snapshot):
    snapshot_territory = snapshot.figures.get(dimension=Dimension.COMMUNE, key=REDON)
    page = client.get("/observatoire/").content.decode()
    commune_page = client.get(f"/observatoire/communes/{REDON}/").content.decode()

    assert snapshot_territory.population
    assert french("Données territoriales : test") in page
    assert french("Données territoriales : test") in commune_page
