"""The database half of a backup: a consistent copy taken by the database's own tools — the
online backup API of SQLite, `pg_dump`/`pg_restore` for PostgreSQL — with the table checksums and
the applied migrations read from the very same snapshot."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

from maillage.backups.checksums import table_checksums

DUMP_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


@dataclass(frozen=True)
class Snapshot:
    vendor: str
    dump: Path
    tables: dict[str, str]
    migrations: dict[str, list[str]]


def _applied_migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in MigrationRecorder.Migration.objects.values_list("app", "name"):
        applied.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def _postgres_environment() -> dict[str, str]:
    settings = connection.settings_dict
    environment = dict(os.environ)
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        if settings.get(key):
            environment[variable] = str(settings[key])
    return environment


def _run(command: list[str], **options) -> None:
    result = subprocess.run(command, capture_output=True, text=True, **options)
    if result.returncode != 0:
        raise RuntimeError(f"{command[0]} a échoué : {result.stderr.strip()}")


def take_snapshot(folder: Path) -> Snapshot:
    """Write the database's dump into `folder` and read its checksums from the same state."""
    vendor = connection.vendor
    if vendor not in DUMP_NAMES:
        raise RuntimeError(f"Sauvegarde impossible : base {vendor} non prise en charge.")
    dump = folder / DUMP_NAMES[vendor]
    if vendor == "postgresql":
        with transaction.atomic():
            with connection.cursor() as cursor:
                # pg_dump sees exactly the state this transaction reads.
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                cursor.execute("SELECT pg_export_snapshot()")
                (snapshot_id,) = cursor.fetchone()
            _run(
                [
                    "pg_dump",
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--snapshot={snapshot_id}",
                    f"--file={dump}",
                ],
                env=_postgres_environment(),
            )
            return Snapshot(vendor, dump, table_checksums(), _applied_migrations())
    # A read transaction: in WAL mode it reads one snapshot while writers go on, and the
    # online backup copies that snapshot (a write transaction would make the backup wait).
    connection.ensure_connection()
    raw = connection.connection
    raw.execute("BEGIN DEFERRED")
    try:
        tables, migrations = table_checksums(), _applied_migrations()
        with closing(sqlite3.connect(dump)) as target:
            raw.backup(target)
    finally:
        raw.execute("ROLLBACK")
    return Snapshot(vendor, dump, tables, migrations)


def restore_dump(vendor: str, dump: Path) -> None:
    """Replace the whole database by the dump, in one transaction: on any failure the database
    stays as it was."""
    connection.close()
    if vendor == "postgresql":
        script = dump.with_suffix(".sql")
        _run(["pg_restore", "--no-owner", "--no-privileges", f"--file={script}", str(dump)])
        prelude = dump.with_name("prelude.sql")
        # Tables the archive does not know (added by a later migration) go too.
        prelude.write_text("DROP SCHEMA public CASCADE;\nCREATE SCHEMA public;\n")
        _run(
            [
                "psql",
                "--no-psqlrc",
                "--quiet",
                "--single-transaction",
                "--set=ON_ERROR_STOP=1",
                f"--file={prelude}",
                f"--file={script}",
            ],
            env=_postgres_environment(),
        )
        return
    connection.ensure_connection()
    with closing(sqlite3.connect(dump)) as source:
        source.backup(connection.connection)
