"""The directory's list counts only up to a limit (« plus de … ») unless asked for the exact
figure, and a broad search lists its best entries only, those named after its words first."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from maillage.core import counting
from maillage.directory import search_index, search_query
from tests.directory.factories import EstablishmentFactory, LegalUnitFactory
from tests.typeset import french

pytestmark = pytest.mark.django_db

URL = "/annuaire/"


def page(client, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def five_listed(monkeypatch):
    monkeypatch.setattr(counting, "COUNT_LIMIT", 3)
    for name in ("Amap", "Bergerie", "Cantine", "Dojo", "Épicerie"):
        EstablishmentFactory(legal_unit=LegalUnitFactory(name=f"{name} du Pays"))


def test_beyond_the_limit_the_list_says_more_than_and_counts_on_demand(five_listed, client):
    html = page(client, {})
    assert french("Plus de 3 organisations trouvées.") in html
    assert 'href="?&amp;compte=exact">Compter exactement</a>' in html

    assert french("5 organisations trouvées.") in page(client, {"compte": "exact"})


def test_a_search_beyond_the_limit_says_more_than(five_listed, client):
    html = page(client, {"q": "pays"})
    assert french("Plus de 3 organisations trouvées pour « pays »") in html
    assert french("5 organisations trouvées pour « pays »") in page(
        client, {"q": "pays", "compte": "exact"}
    )


def test_paging_on_needs_no_full_count(five_listed, client, monkeypatch):
    monkeypatch.setattr("maillage.directory.views.public.PAGE_SIZE", 1)
    html = page(client, {"page": "2"})
    # Two pages past the asked one are counted, then a gap: the last page is not known.
    assert ">4</a>" in html
    assert ">5</a>" not in html
    assert html.rindex('aria-hidden="true">…</li>') > html.index(">4</a>")
    assert 'rel="next"' in html


def test_a_broad_search_lists_the_entries_named_after_it_first(client, monkeypatch):
    monkeypatch.setattr(search_query, "TOP", 2)
    for name in ("Amap", "Bergerie", "Cantine", "Dojo"):
        EstablishmentFactory(
            legal_unit=LegalUnitFactory(name=f"{name} du Pays"), description="Près du marais."
        )
    # Created last: not among the first matches by id, found by the names' index.
    EstablishmentFactory(legal_unit=LegalUnitFactory(name="Marais vivants"))

    html = page(client, {"q": "marais"})

    assert html.count('class="directory-result"') == 2
    assert html.index("Marais vivants") < html.index("Amap du Pays")
    assert "Bergerie du Pays" not in html
    assert french("5 organisations trouvées pour « marais » ; les 2 plus pertinentes") in html


def _queries(client, params) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        page(client, params)
    return [query["sql"] for query in captured.captured_queries]


def test_a_search_beyond_the_limit_costs_the_queries_of_a_narrow_one(
    five_listed, client, monkeypatch
):
    """Its list holds its TOP best (as many as the count's limit, as in production): a count
    that reached TOP needs no second count of the list."""
    monkeypatch.setattr(search_query, "TOP", counting.COUNT_LIMIT)
    broad = _queries(client, {"q": "pays"})
    narrow = _queries(client, {"q": "amap"})
    assert len(broad) == len(narrow), broad


def test_a_search_looks_its_words_up_once(five_listed, client):
    """The count and the ranking use the same words: the vocabulary is read once per word."""
    queries = _queries(client, {"q": "pays amap"})
    lookups = [sql for sql in queries if search_index.VOCABULARY in sql]
    assert len(lookups) == 2, lookups
