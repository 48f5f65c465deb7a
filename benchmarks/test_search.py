"""The directory's search on a large directory, on whichever database runs it (`make bench` runs
it on SQLite, then on PostgreSQL at BENCH_POSTGRES_URL).

Cases: a word with some hits, a query without accents that must find accented names, a word in
every entry (the demo's descriptions all say « Pays de Redon »), a two-letter word and a typo.
For each: the number of results, the p95 of the search page (target 100 ms, printed « atteint »
or « non atteint »: on this shared machine absolute timings move too much to assert), and the
ratio against a competent baseline measured in the same run: the same page's queries written
plainly, `search_text LIKE '%word%'` on the listed entries sorted by name, first page and count
(both counted up to the page's limit, `core/counting.py`).
Measured on generated organisations that are not demonstration rows (`directory_data.py`), as
a hub's own directory. Asserted: the results counts the cases need, the page's SQL queries
(PAGE_QUERIES, the same on both databases) and the indexed search at least BASELINE_RATIO times
faster than the scan on the selective case; the three are timed in turn in each round.

    BENCH_SEARCH_SIZE=20000 .venv/bin/pytest benchmarks/test_search.py -p no:cacheprovider -s

BENCH_SEARCH_SIZE (default 200,000) sets the directory's size: keep it small while developing.
"""

import os
import statistics
import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from benchmarks.directory_data import grow_directory
from benchmarks.french import met
from maillage.core.counting import count_up_to
from maillage.core.demo import has_demo
from maillage.core.french import number as fr
from maillage.core.text import query_words
from maillage.directory.filters import parse_filters
from maillage.directory.models import Establishment, LegalUnit
from maillage.directory.search_query import TOP

pytestmark = pytest.mark.django_db

SIZE = int(os.environ.get("BENCH_SEARCH_SIZE", "200000"))
ROUNDS = 20
PAGE_SIZE = 25
P95_TARGET_MS = 100
# Measured 8.6× to 19× for the word with hits (load average 10 to 18): asserted with a margin.
BASELINE_RATIO = 4
CASES = {
    "mot avec résultats": "jardins",
    "sans accent": "cooperative",
    "mot dans chaque fiche": "redon",
    "mot de deux lettres": "ca",
    "faute de frappe": "coperative",
}
# The cases whose matches are few (4 %): the others match 10 % of the entries or more, where an
# index saves less than a scan costs; they are printed, not asserted.
SELECTIVE = ("mot avec résultats",)
# The page's SQL queries, asserted so that they are the same on both databases and whatever the
# number of matches: the typo reads once more the indexed words of its first letter. A change
# of the page's queries updates them.
PAGE_QUERIES = {name: 10 for name in CASES} | {"faute de frappe": 11}


@pytest.fixture(scope="module")
def directory(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        grow_directory(SIZE)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE directory_establishment")
    yield
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        for model in (Establishment.themes.through, Establishment, LegalUnit):
            cursor.execute(f"DELETE FROM {model._meta.db_table}")


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] * 1000


def _timed(*actions) -> list[list[float]]:
    """Each action's durations over ROUNDS, taken in turn so that each sees the same load."""
    for action in actions:
        action()
    samples: list[list[float]] = [[] for _ in actions]
    for _ in range(ROUNDS):
        for action, durations in zip(actions, samples, strict=True):
            start = time.perf_counter()
            action()
            durations.append(time.perf_counter() - start)
    return samples


def _searched(query: str) -> tuple[list[int], int]:
    """The queries of the directory page: the count up to its limit (`core/counting.py`), then
    the first page's ids, ranked among the TOP best (directly when the count found TOP or
    fewer)."""
    filters = parse_filters({"q": query})
    total = count_up_to(filters.narrow(Establishment.objects.published()))
    results = filters.results(top=TOP, found=total.value if total.exact else None)
    return list(results.values_list("pk", flat=True)[:PAGE_SIZE]), total.value


def _exact_count(query: str) -> int:
    return parse_filters({"q": query}).narrow(Establishment.objects.published()).count()


def _scanned(query: str) -> tuple[list[int], int]:
    """The competent baseline: each word inside the folded text, sorted by name, counted up to
    the same limit as the page."""
    results = Establishment.objects.published()
    for word in query_words(query):
        results = results.filter(search_text__contains=word)
    results = results.order_by("sort_name", "pk")
    return list(results.values_list("pk", flat=True)[:PAGE_SIZE]), count_up_to(results).value


def _page_queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_search_is_served_by_its_index(directory):
    client = Client()
    listed = Establishment.objects.published().count()
    assert not has_demo(Establishment), "measured on a directory without demonstration rows"
    lines = [
        f"recherche sur {fr(listed)} fiches publiées, aucune de démonstration "
        f"({connection.vendor}, charge {fr(os.getloadavg()[0], 1)}), "
        f"objectif p95 {P95_TARGET_MS} ms",
        f"{'cas':<24}{'requête':<14}{'résultats':>10}{'requêtes SQL':>13}{'page p95':>10}"
        f"{'index p95':>11}{'scan p95':>10}{'× scan':>8}",
    ]
    counts, ratios, queries = {}, {}, {}
    for name, query in CASES.items():
        path = f"/annuaire/?q={query}"
        queries[name] = _page_queries(client, path)
        page, indexed, scan = _timed(
            lambda path=path: client.get(path),
            lambda query=query: _searched(query),
            lambda query=query: _scanned(query),
        )
        counts[name] = _exact_count(query)
        ratios[name] = statistics.median(scan) / statistics.median(indexed)
        lines.append(
            f"{name:<24}{query:<14}{fr(counts[name]):>10}{queries[name]:>13}{fr(_p95(page), 1):>10}"
            f"{fr(_p95(indexed), 1):>11}{fr(_p95(scan), 1):>10}{fr(ratios[name], 1):>7}×"
            f"  {met(_p95(page) <= P95_TARGET_MS)}"
        )
    print("\n(ms)\n" + "\n".join(lines))
    assert queries == PAGE_QUERIES
    assert counts["sans accent"] > 0
    first_page = Establishment.objects.filter(pk__in=_searched(CASES["sans accent"])[0])
    assert any(
        "Coopérative" in name for name in first_page.values_list("legal_unit__name", flat=True)
    )
    assert counts["mot dans chaque fiche"] == listed
    assert counts["faute de frappe"] == counts["sans accent"]
    slow = {name: round(ratios[name], 1) for name in SELECTIVE if ratios[name] < BASELINE_RATIO}
    assert not slow, f"indexed search under {BASELINE_RATIO}× the scan: {slow}"
