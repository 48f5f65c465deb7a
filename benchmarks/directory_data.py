"""The generated directory the benchmarks measure: `grow_directory(count)` fills the test
database with `count` fictitious organisations (the demo generator, fixed seed), then removes
their demonstration marks, so that the pages run as on real data.

Generating 200,000 organisations takes minutes (half an hour under load): the grown database is
kept, on SQLite in var/bench/directory-<digest>.sqlite3, on PostgreSQL as a database of the
server named `<test database>_directory_<digest>`, and copied back on the next run. The digest
covers every migration, the directory's models, its search texts, the demo generator and this
module, so a changed schema or generator generates again. Set BENCH_REGENERATE=1 to force it.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from maillage.core.french import number as fr
from maillage.core.models import DemoRow
from maillage.directory.demo import create_demo_directory
from maillage.directory.models import Establishment, LegalUnit
from tests.prepared_database import PostgresqlDatabases

SEED = 2026
SNAPSHOTS = Path(settings.BASE_DIR) / "var" / "bench"


def generate(count: int) -> None:
    start = time.perf_counter()
    create_demo_directory(seed=SEED, count=count)
    elapsed = time.perf_counter() - start
    print(f"\n{fr(count)} organisations générées en {fr(elapsed, 1)} s")


def _digest(count: int) -> str:
    """Names the grown database after what could change its content."""
    root = Path(settings.BASE_DIR) / "maillage"
    sources = sorted(
        [
            *root.glob("*/migrations/*.py"),
            *(root / "directory" / "models").glob("*.py"),
            *(root / "directory" / "demo").glob("*.py"),
            root / "directory" / "search.py",
            root / "directory" / "search_index.py",
            root / "directory" / "grid.py",
            Path(__file__),
        ]
    )
    digest = hashlib.sha256(f"{count}|{SEED}".encode())
    for source in sources:
        digest.update(str(source.relative_to(root.parent)).encode() + source.read_bytes())
    return digest.hexdigest()[:16]


def as_real_data() -> None:
    """The generated organisations are no longer demonstration rows: the pages then work as on a
    hub's own directory (no banner, no « fictive » mark, `has_demo` finds none; issue 19)."""
    kinds = ContentType.objects.get_for_models(Establishment, LegalUnit).values()
    DemoRow.objects.filter(content_type__in=kinds).delete()


def grow_directory(count: int) -> None:
    """The directory at `count` organisations, none of them a demonstration row: copied from the
    kept database when there is one, else generated and kept."""
    keep = _grow_sqlite if connection.vendor == "sqlite" else _grow_postgresql
    keep(count, regenerate=bool(os.environ.get("BENCH_REGENERATE")))


def _print_reused(count: int, name: str, start: float) -> None:
    elapsed = time.perf_counter() - start
    print(f"\nbase de {fr(count)} organisations reprise de {name} en {fr(elapsed, 1)} s")


def _grow_sqlite(count: int, regenerate: bool) -> None:
    """Kept as var/bench/directory-<digest>.sqlite3, copied through SQLite's backup API."""
    connection.ensure_connection()
    snapshot = SNAPSHOTS / f"directory-{count}-{_digest(count)}.sqlite3"
    if snapshot.exists() and not regenerate:
        start = time.perf_counter()
        source = sqlite3.connect(snapshot)
        source.backup(connection.connection)
        source.close()
        _print_reused(count, snapshot.name, start)
        return
    generate(count)
    as_real_data()
    SNAPSHOTS.mkdir(parents=True, exist_ok=True)
    for stale in SNAPSHOTS.glob(f"directory-{count}-*.sqlite3"):
        stale.unlink()
    partial = snapshot.with_suffix(".partial")
    target = sqlite3.connect(partial)
    connection.connection.backup(target)
    target.close()
    partial.replace(snapshot)


def _grow_postgresql(count: int, regenerate: bool) -> None:
    """Kept as a database of the server, `<test database>_directory_<digest>`, the test database
    made again from it (CREATE DATABASE … TEMPLATE: seconds, where generating takes minutes)."""
    databases = PostgresqlDatabases()
    test_name = connection.settings_dict["NAME"]
    prefix = f"{test_name}_directory_{count}_"
    kept = prefix + _digest(count)
    connection.close()  # a template or a dropped database has no open connection
    if databases.exists(kept) and not regenerate:
        start = time.perf_counter()
        databases.copy(kept, test_name, durable=True)
        _print_reused(count, kept, start)
        return
    generate(count)
    as_real_data()
    connection.close()
    for stale in databases.named_from(prefix):
        databases.drop(stale)
    databases.copy(test_name, f"{kept}_partial")
    databases.rename(f"{kept}_partial", kept)
