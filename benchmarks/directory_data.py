"""The generated directory the benchmarks measure: `grow_directory(count)` fills the test
database with `count` fictitious organisations (the demo generator, fixed seed), then removes
their demonstration marks, so that the pages run as on real data.

Generating 200,000 organisations takes minutes: on SQLite the grown database is kept in
var/bench/directory-<digest>.sqlite3 and copied back on the next run. The digest covers every
migration, the directory's models, its search texts and the demo generator, so a changed schema
or generator generates again. Delete the file (or set BENCH_REGENERATE=1) to force it.
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

SEED = 2026
SNAPSHOTS = Path(settings.BASE_DIR) / "var" / "bench"


def generate(count: int) -> None:
    start = time.perf_counter()
    create_demo_directory(seed=SEED, count=count)
    elapsed = time.perf_counter() - start
    print(f"\n{fr(count)} organisations générées en {fr(elapsed, 1)} s")


def _snapshot_path(count: int) -> Path:
    """Where the grown database is kept: named after what could change its content."""
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
    return SNAPSHOTS / f"directory-{count}-{digest.hexdigest()[:16]}.sqlite3"


def as_real_data() -> None:
    """The generated organisations are no longer demonstration rows: the pages then work as on a
    hub's own directory (no banner, no « fictive » mark, `has_demo` finds none; issue 19)."""
    kinds = ContentType.objects.get_for_models(Establishment, LegalUnit).values()
    DemoRow.objects.filter(content_type__in=kinds).delete()


def grow_directory(count: int) -> None:
    """The directory at `count` organisations, none of them a demonstration row: from the kept
    copy when there is one (SQLite)."""
    if connection.vendor != "sqlite":
        generate(count)
        as_real_data()
        return
    connection.ensure_connection()
    snapshot = _snapshot_path(count)
    if snapshot.exists() and not os.environ.get("BENCH_REGENERATE"):
        start = time.perf_counter()
        source = sqlite3.connect(snapshot)
        source.backup(connection.connection)
        source.close()
        elapsed = time.perf_counter() - start
        print(
            f"\nbase de {fr(count)} organisations reprise de {snapshot.name} en {fr(elapsed, 1)} s"
        )
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
