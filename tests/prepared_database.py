"""The test database: migrated once into a template, then copied for each test process.

Running every migration takes about 44 s, and `make test` runs one test process per core, each of
which would run them all. Instead the first process migrates a template database, under a file
lock, and every process copies it (CREATE DATABASE … TEMPLATE on PostgreSQL, a file copy on
SQLite). The template's name carries a hash of every migration file, so a changed or added
migration builds a new template and the old one is dropped; a fresh clone builds it on its first
run. `pytest --create-db` rebuilds it anyway.
"""

import fcntl
import hashlib
import importlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader

VAR = Path(settings.BASE_DIR) / "var"


def migrations_digest() -> str:
    """A hash of the migration files of every installed app, Django's and third parties' too."""
    digest = hashlib.sha256()
    for app_config in sorted(apps.get_app_configs(), key=lambda config: config.label):
        module_name, _ = MigrationLoader.migrations_module(app_config.label)
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as missing:
            if missing.name != module_name:
                raise
            continue  # an app without migrations
        for path in sorted(Path(module.__file__).parent.glob("*.py")):
            digest.update(f"{app_config.label}/{path.name}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


class SqliteFiles:
    """Templates and copies as files beside the per-process test databases (var/)."""

    def template_name(self, digest: str) -> str:
        return str(VAR / f"test-template-{digest}.sqlite3")

    def exists(self, name: str) -> bool:
        return Path(name).exists()

    def copy(self, template: str, target: str) -> None:
        self.drop(target)
        # The backup API copies a consistent database, whatever its journal mode.
        with closing(sqlite3.connect(template)) as source, closing(sqlite3.connect(target)) as copy:
            source.backup(copy)

    def rename(self, name: str, new_name: str) -> None:
        os.replace(name, new_name)

    def drop(self, name: str) -> None:
        # A journal left beside a removed file would be replayed into the next file of that name.
        for path in (name, f"{name}-wal", f"{name}-shm"):
            Path(path).unlink(missing_ok=True)

    def templates(self) -> list[str]:
        return [str(path) for path in VAR.glob("test-template-*.sqlite3")]


class PostgresqlDatabases:
    """Templates and copies as databases of the server, named after the configured database."""

    def template_name(self, digest: str) -> str:
        return f"{self._prefix()}{digest}"

    def _prefix(self) -> str:
        return f"test_{settings.DATABASES[connection.alias]['NAME']}_template_"

    def _run(self, sql: str, parameters: list[str] | None = None) -> list[tuple]:
        with connection._nodb_cursor() as cursor:
            cursor.execute(sql, parameters)
            return cursor.fetchall() if cursor.description else []

    def exists(self, name: str) -> bool:
        return bool(self._run("SELECT 1 FROM pg_database WHERE datname = %s", [name]))

    def copy(self, template: str, target: str, durable: bool = False) -> None:
        quote = connection.ops.quote_name
        self._run(f"DROP DATABASE IF EXISTS {quote(target)}")
        self._run(f"CREATE DATABASE {quote(target)} TEMPLATE {quote(template)}")
        # A commit need not wait for the disk: a crashed test database is thrown away anyway.
        # Locks, isolation and what other connections see are unchanged. A benchmark's copy
        # is `durable`: its commits wait, as in production.
        if not durable:
            self._run(f"ALTER DATABASE {quote(target)} SET synchronous_commit TO off")

    def rename(self, name: str, new_name: str) -> None:
        quote = connection.ops.quote_name
        self._run(f"ALTER DATABASE {quote(name)} RENAME TO {quote(new_name)}")

    def drop(self, name: str) -> None:
        self._run(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name)}")

    def templates(self) -> list[str]:
        return self.named_from(self._prefix())

    def named_from(self, prefix: str) -> list[str]:
        rows = self._run("SELECT datname FROM pg_database WHERE starts_with(datname, %s)", [prefix])
        return [name for (name,) in rows]


@contextmanager
def _exclusive() -> Iterator[None]:
    """One process at a time builds or copies the template (the others wait)."""
    VAR.mkdir(exist_ok=True)
    with (VAR / "test-database.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _build(store: SqliteFiles | PostgresqlDatabases, digest: str) -> None:
    """Migrate a database under a temporary name, then give it the template's name, so that an
    interrupted build never leaves a half-migrated template behind."""
    building = store.template_name(f"{digest}-building")
    store.drop(building)
    test_settings = connection.settings_dict["TEST"]
    test_name, name = test_settings["NAME"], connection.settings_dict["NAME"]
    test_settings["NAME"] = building
    try:
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    finally:
        connection.close()
        test_settings["NAME"] = test_name
        settings.DATABASES[connection.alias]["NAME"] = connection.settings_dict["NAME"] = name
    for stale in set(store.templates()) - {building}:
        store.drop(stale)
    store.rename(building, store.template_name(digest))


def use_copy_of_template(rebuild: bool = False) -> str:
    """Point the connection at this process's own copy of the template (building the template
    first if needed); return the name of the configured database, to give back at the end."""
    store = SqliteFiles() if connection.vendor == "sqlite" else PostgresqlDatabases()
    original_name = connection.settings_dict["NAME"]
    target = connection.creation._get_test_db_name()
    digest = migrations_digest()
    template = store.template_name(digest)
    with _exclusive():
        if rebuild or not store.exists(template):
            _build(store, digest)
        store.copy(template, target)
    settings.DATABASES[connection.alias]["NAME"] = connection.settings_dict["NAME"] = target
    return original_name
