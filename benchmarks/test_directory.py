"""The directory at scale: 200,000 generated organisations, measured in one run.

- the map endpoint for a typical viewport (the whole territory at zoom 11) and a street-level
  one: p95, and the ratios against two competent baselines (`map_baselines.py`): the same cells
  grouped in Python from the viewport's rows, and every point sent at once as GoGoCarto does;
- the list and search pages (and the API list): the same number of SQL queries with 1,000 and
  with 200,000 organisations, and their p95;
- the full CSV export: memory growth while it streams (tracemalloc).

Targets: map p95 ≤ 50 ms uncached at the territory view and ≥ 5× both baselines (issue 19);
list and search p95 ≤ 200 ms with a constant number of queries; CSV export growth < 50 MB.

Asserted: what does not depend on the machine's speed (the query counts, the memory growth) and
ratios to baselines measured in the same run: the map against its baselines, each page
at 200,000 organisations against the same page at 1,000 (a page that read every row would take
about 200 times longer). The absolute p95 targets are printed, « atteint » or « non atteint »:
on this shared two-core machine they moved by a factor of two from one day to the next (the
list's p95 from 91 to 207 ms, a naive serialiser from 26 to 38 s, same code), so asserting
them made `make bench` flake.

    .venv/bin/pytest benchmarks/test_directory.py -p no:cacheprovider -s

BENCH_DIRECTORY_SIZE (default 200,000) sets the grown directory's size: smaller while developing
(the map's ratios are then printed, not asserted).

The grown database is kept between runs on SQLite (`directory_data.py`).
"""

import json
import os
import statistics
import time
import tracemalloc

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from benchmarks.directory_data import generate, grow_directory
from benchmarks.french import met
from benchmarks.map_baselines import (
    cell_counts,
    every_point,
    grouped_in_python,
    grouped_in_python_body,
    gzipped_size,
)
from maillage.core.french import number as fr
from maillage.directory import map_clusters
from maillage.directory.exports.map_points import Viewport
from maillage.directory.models import Establishment, LegalUnit
from maillage.territory.models import Commune
from maillage.territory.queries import current_territory

pytestmark = pytest.mark.django_db

DEFAULT_TOTAL = 200_000
TOTAL = int(os.environ.get("BENCH_DIRECTORY_SIZE", DEFAULT_TOTAL))
SMALL = 1_000
ROUNDS = 30
# Issue 19: the territory view uncached in 50 ms, at least 5 times faster than the same cells
# grouped in Python (measured 1.6× before the counts kept per tile), and than every point sent;
# asserted at the default size (at 20,000 entries the Python grouping was only 4.2× slower).
MAP_P95_MS, MAP_RATIO = 50, 5
PAGE_P95_MS = 200
# At most this many times the p95 of the same page with 1,000 organisations (200 times fewer).
PAGE_SCALING = 10
CSV_GROWTH_MB = 50


@pytest.fixture(scope="module")
def small_pages(django_db_setup, django_db_blocker):
    """Queries and timings of each page with 1,000 organisations; then the directory grows to
    200,000.

    Module scope, outside the tests' transactions: the rows stay for every test of the module
    and are deleted at its end."""
    with django_db_blocker.unblock():
        generate(SMALL)
        client = Client()
        small = {
            name: (_queries(client, path), _timed(client, path)) for name, path in PAGES.items()
        }
        grow_directory(TOTAL)
    yield small
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        for model in (Establishment.themes.through, Establishment, LegalUnit):
            cursor.execute(f"DELETE FROM {model._meta.db_table}")


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] * 1000


def _timed(client: Client, path: str, rounds: int = ROUNDS) -> list[float]:
    client.get(path)
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        response = client.get(path)
        if response.streaming:
            b"".join(response.streaming_content)
        samples.append(time.perf_counter() - start)
        assert response.status_code == 200, (path, response.status_code)
    return samples


def _territory_bbox() -> tuple[float, float, float, float]:
    points = []
    for outline in Commune.objects.in_territory(current_territory()).values_list(
        "outline", flat=True
    ):
        stack = [outline["coordinates"]] if outline else []
        while stack:
            item = stack.pop()
            if item and isinstance(item[0], int | float):
                points.append(item)
            else:
                stack.extend(item)
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return min(lons), min(lats), max(lons), max(lats)


def _street_bbox() -> tuple[float, float, float, float]:
    """About 1.2 km × 0.8 km around the median organisation of the territory's first commune."""
    lon, lat = (
        Establishment.objects.published()
        .located()
        .order_by("commune__population", "pk")
        .reverse()
        .values_list("longitude", "latitude")
        .first()
    )
    return lon - 0.008, lat - 0.0036, lon + 0.008, lat + 0.0036


def _queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


PAGES = {
    "liste": "/annuaire/",
    "liste filtrée, page 3": "/annuaire/?famille=association&tri=commune&page=3",
    "recherche": "/annuaire/?q=jardin",
    "recherche sans accent": "/annuaire/?q=economie+solidaire",
    "API liste": "/api/organisations/?famille=cooperative&page=2",
}


def test_list_and_search_queries_stay_constant_and_pages_are_fast(small_pages):
    client = Client()
    large = {name: (_queries(client, path), _timed(client, path)) for name, path in PAGES.items()}
    lines = [
        f"{'page':<24}{'requêtes':>10}{'p95 1 000':>11}{f'p95 {fr(TOTAL)}':>13}{'rapport':>9}"
        f"  objectif {PAGE_P95_MS} ms"
    ]
    ratios = {}
    for name in PAGES:
        (small_queries, small_times), (large_queries, large_times) = small_pages[name], large[name]
        ratios[name] = _p95(large_times) / _p95(small_times)
        queries = f"{small_queries}/{large_queries}"
        lines.append(
            f"{name:<24}{queries:>10}{fr(_p95(small_times), 1):>11}{fr(_p95(large_times), 1):>13}"
            f"{fr(ratios[name], 1):>8}×  {met(_p95(large_times) <= PAGE_P95_MS)}"
        )
    print("\n(ms)\n" + "\n".join(lines))
    assert {name: counts[0] for name, counts in small_pages.items()} == {
        name: counts[0] for name, counts in large.items()
    }
    steep = {name: round(ratio, 1) for name, ratio in ratios.items() if ratio > PAGE_SCALING}
    assert not steep, f"p95 over {PAGE_SCALING}× the same page with {SMALL} rows: {steep}"


def _cold_timings(client: Client, path: str, rounds: int) -> tuple[list[float], list[float]]:
    """Each request with an empty cache: the aggregate query and the serialisation. Elapsed
    and processor times (on a loaded shared machine the first is mostly waiting for a core)."""
    samples, processor = [], []
    for _ in range(rounds):
        cache.clear()
        start, start_processor = time.perf_counter(), time.process_time()
        assert client.get(path).status_code == 200
        samples.append(time.perf_counter() - start)
        processor.append(time.process_time() - start_processor)
    return samples, processor


def _points_path(viewport: Viewport) -> str:
    box = ",".join(
        f"{value:.5f}"
        for value in (viewport.min_lon, viewport.min_lat, viewport.max_lon, viewport.max_lat)
    )
    return f"/carte/points.geojson?bbox={box}&zoom={viewport.zoom}"


def _baseline_timings(action, rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return samples


def test_map_endpoint_against_competent_baselines(small_pages):
    """Cold: every request computes its cells (cache emptied). Warm: the same area again, as
    when panning back, served from the cache. Against, in the same run: the same cells grouped
    in Python from the viewport's rows, and every point sent at once as GoGoCarto does (one file
    for every viewport: the ratio is for opening the map on that view). Asserted: the same cells
    as the Python grouping, and the cold median MAP_RATIO times faster than it at the territory
    view; the p95 targets are printed."""
    if not map_clusters.is_fresh():
        map_clusters.rebuild()  # as the worker does after an import
    client = Client()
    viewports = {
        "territoire, zoom 11": Viewport(*_territory_bbox(), zoom=11),
        "rue, zoom 16": Viewport(*_street_bbox(), zoom=16),
    }
    everything = every_point()
    every_point_times = _baseline_timings(every_point, rounds=5)
    lines = [
        f"{'vue de la carte':<22}{'lignes':>8}{'entités':>9}{'froid p95':>11}{'chaud p95':>11}"
        f"{'python p95':>12}{'× python':>10}{'tous p95':>10}{'× tous':>8}"
        f"  objectif froid {MAP_P95_MS} ms"
    ]
    results, processor_lines = {}, []
    for name, viewport in viewports.items():
        path = _points_path(viewport)
        data = client.get(path).json()
        assert cell_counts(data) == cell_counts(grouped_in_python(viewport)), name
        cold, cold_processor = _cold_timings(client, path, rounds=20)
        median_processor = statistics.median(cold_processor) * 1000
        processor_lines.append(
            f"{name:<22}processeur, froid : médiane {fr(median_processor, 1)} ms, "
            f"p95 {fr(_p95(cold_processor), 1)} ms"
        )
        warm = _timed(client, path)
        python = _baseline_timings(lambda viewport=viewport: grouped_in_python_body(viewport), 5)
        cold_median = statistics.median(cold)
        results[name] = {
            "python": statistics.median(python) / cold_median,
            "tous": statistics.median(every_point_times) / cold_median,
        }
        lines.append(
            f"{name:<22}{fr(data['total']):>8}{fr(len(data['features'])):>9}"
            f"{fr(_p95(cold), 1):>11}{fr(_p95(warm), 1):>11}{fr(_p95(python), 1):>12}"
            f"{fr(results[name]['python'], 1):>9}×{fr(_p95(every_point_times), 1):>10}"
            f"{fr(results[name]['tous'], 1):>7}×  {met(_p95(cold) <= MAP_P95_MS)}"
        )
    territory = client.get(_points_path(viewports["territoire, zoom 11"])).content
    lines.append(
        f"poids gzip : territoire {fr(gzipped_size(territory) / 1000, 1)} ko, "
        f"tous les points {fr(gzipped_size(everything) / 1000, 1)} ko "
        f"({fr(len(json.loads(everything)['features']))} points)"
    )
    lines.extend(processor_lines)
    lines.append("charge de la machine : " + " ; ".join(fr(v, 2) for v in os.getloadavg()))
    if TOTAL < DEFAULT_TOTAL:
        lines.append(f"rapports non vérifiés : {fr(TOTAL)} fiches au lieu de {fr(DEFAULT_TOTAL)}")
    print("\n(ms)\n" + "\n".join(lines))
    if TOTAL >= DEFAULT_TOTAL:  # the baselines grow with the rows, the endpoint hardly
        assert results["territoire, zoom 11"]["python"] >= MAP_RATIO, results
        assert results["territoire, zoom 11"]["tous"] >= MAP_RATIO, results


def test_full_csv_export_streams_with_flat_memory(small_pages):
    client = Client()
    tracemalloc.start()
    start_memory = tracemalloc.get_traced_memory()[0]
    started = time.perf_counter()
    response = client.get("/annuaire/export.csv")
    lines = size = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        lines += chunk.count(b"\n")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    elapsed = time.perf_counter() - started
    growth_mb = (peak - start_memory) / 1e6
    print(
        f"\nexport CSV complet : {fr(lines - 1)} lignes, {fr(size / 1e6, 1)} Mo "
        f"en {fr(elapsed, 1)} s "
        f"(sous tracemalloc), pic de mémoire +{fr(growth_mb, 1)} Mo"
    )
    assert lines - 1 >= TOTAL * 0.9
    assert growth_mb < CSV_GROWTH_MB
