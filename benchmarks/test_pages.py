"""Public pages of the foundation, timed against the bare layout in the same run.

The baseline is the legal notice page: the whole middleware stack, the layout and no query.
Each page is printed with its median and p95 and the ratio of its median to the baseline's; the
budget is that ratio (about 1.5× to 2× what was measured when written), so it holds on a slower
machine and catches a page that starts doing much more work (an N+1 query, a heavier render).
"""

import statistics
import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from maillage.core.french import number as fr

ROUNDS = 60
BASELINE = "/mentions-legales/"
# Ratio of each page's median to the baseline's median that the page must stay under.
BUDGETS = {
    "/": 5,
    "/valeurs/": 6,
    "/projet/": 25,
    "/qui-sommes-nous/": 10,
    "/territoire/": 14,
    "/territoire/communes.geojson": 20,
}


def _timings(client: Client, path: str) -> list[float]:
    client.get(path)  # warm caches (templates, static manifest)
    samples = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        response = client.get(path)
        samples.append(time.perf_counter() - start)
        assert response.status_code == 200
    return samples


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


@pytest.mark.django_db
def test_public_pages_against_the_bare_layout(capsys):
    client = Client()
    base = _timings(client, BASELINE)
    lines = [f"{'page':<32}{'médiane ms':>12}{'p95 ms':>10}{'× base':>9}{'requêtes':>10}"]
    lines.append(
        f"{BASELINE:<32}{fr(statistics.median(base) * 1000, 1):>12}{fr(_p95(base) * 1000, 1):>10}"
    )
    over_budget = []
    for path, budget in BUDGETS.items():
        samples = _timings(client, path)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        ratio = statistics.median(samples) / statistics.median(base)
        lines.append(
            f"{path:<32}{fr(statistics.median(samples) * 1000, 1):>12}"
            f"{fr(_p95(samples) * 1000, 1):>10}"
            f"{fr(ratio, 1):>9}{len(queries):>10}"
        )
        if ratio > budget:
            over_budget.append(f"{path} : {fr(ratio, 1)}× > {fr(budget, 1)}×")
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert not over_budget, over_budget
