"""Jobs from known headcounts before brackets; hidden entries counted, and said, not listed."""

from datetime import date
from decimal import Decimal

import pytest

from maillage.directory.enums import Visibility
from maillage.observatory.enums import Dimension
from maillage.observatory.figures.compute import compute_from_directory, compute_from_sirene
from maillage.observatory.presentation.pages import jobs_method
from tests.observatory.conftest import REDON, commune
from tests.observatory.factories import EstablishmentFactory, LegalUnitFactory
from tests.observatory.sirene_files import write_stock
from tests.observatory.test_sirene_figures import stock_rows
from tests.typeset import french

DAY = date(2025, 1, 1)


def area(snapshot):
    return snapshot.figures.get(dimension=Dimension.AREA, key="pays-de-test")


def test_a_known_headcount_replaces_the_bracket_estimate_and_its_bounds(hand_directory):
    # Redon 10–19 (14.5 estimated, 10 to 19) actually employs 17 people.
    known = EstablishmentFactory(
        legal_unit=LegalUnitFactory(), commune=commune(REDON), employee_bracket="11"
    )
    known.headcount, known.headcount_year = 17, 2024
    known.save()

    figure = area(compute_from_directory(data_date=DAY))

    # conftest: low 17, estimate 23.5, high 30; plus exactly 17 for the new one.
    assert (figure.jobs_low, figure.jobs_mid, figure.jobs_high) == (34, Decimal("40.5"), 47)
    assert figure.known_headcounts == 1
    assert figure.employers == 4


def test_a_known_headcount_counts_even_without_a_bracket_and_zero_is_no_employer(
    hand_directory,
):
    EstablishmentFactory(commune=commune(REDON), employee_bracket="", headcount=3)
    EstablishmentFactory(commune=commune(REDON), employee_bracket="11", headcount=0)

    figure = area(compute_from_directory(data_date=DAY))

    assert figure.unknown_brackets == 1  # only conftest's site without bracket nor headcount
    assert figure.known_headcounts == 2
    assert figure.jobs_mid == Decimal("23.5") + 3
    assert figure.employers == 4  # 3 employs, 0 does not although its bracket said 10–19


def test_the_note_says_which_method_produced_the_jobs_and_for_how_many(hand_directory):
    EstablishmentFactory(commune=commune(REDON), employee_bracket="11", headcount=12)

    note = jobs_method(compute_from_directory(data_date=DAY))

    assert "effectif salarié réel connu pour 1 établissement" in note
    assert "estimé au milieu de la tranche d’effectif SIRENE pour 4 établissements" in note
    assert "1 établissement sans effectif ni tranche : zéro emploi" in note


def test_without_known_headcounts_the_note_says_none_is_known(hand_directory):
    note = jobs_method(compute_from_directory(data_date=DAY))

    assert "aucun effectif salarié réel connu" in note
    assert "estimé au milieu de la tranche d’effectif SIRENE pour 4 établissements" in note


def test_a_sirene_snapshot_says_its_jobs_are_all_estimated(territory, tmp_path):
    snapshot = compute_from_sirene(*([p] for p in write_stock(tmp_path, *stock_rows())), DAY)

    assert area(snapshot).known_headcounts == 0
    note = jobs_method(snapshot)
    assert "SIRENE ne publie pas l’effectif exact" in note
    assert "1 établissement sans tranche : zéro emploi" in note


@pytest.fixture
def one_hidden(hand_directory):
    site = EstablishmentFactory(commune=commune(REDON), employee_bracket="01")
    site.visibility = Visibility.HIDDEN
    site.save()
    return site


def test_a_hidden_entry_counts_in_the_figures(one_hidden):
    figure = area(compute_from_directory(data_date=DAY))

    assert figure.establishments == 6
    assert figure.hidden == 1
    redon = compute_from_directory(data_date=DAY).figures.get(
        dimension=Dimension.COMMUNE, key=REDON
    )
    assert (redon.establishments, redon.hidden) == (4, 1)


def test_the_drill_down_list_shows_the_figure_less_the_hidden_and_the_page_says_so(
    client, one_hidden
):
    snapshot = compute_from_directory(data_date=DAY)
    figure = snapshot.figures.get(dimension=Dimension.COMMUNE, key=REDON)

    listed = client.get(f"/annuaire/?commune={REDON}").context["page"].paginator.count
    page = client.get("/observatoire/").content.decode()

    assert listed == figure.establishments - figure.hidden == 3
    assert f'href="/annuaire/?commune={REDON}">4</a>' in page
    assert 'Redon <span class="muted">(l’annuaire en ' in page
    assert french("l’annuaire en montre 3 : 1 masqué à la demande de son organisation") in page
    commune_page = client.get(f"/observatoire/communes/{REDON}/").content.decode()
    assert "Sur les 4 établissements comptés, l’annuaire en montre 3" in commune_page


def test_without_hidden_entries_no_difference_is_announced(client, hand_directory):
    compute_from_directory(data_date=DAY)

    assert "masqué" not in client.get("/observatoire/").content.decode()
