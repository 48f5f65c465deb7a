"""The search's first indexes (trigrams), as migrations 0010 and 0016 created them; 0018
replaced them with word indexes (`search_index.py`). Frozen here so those migrations keep
doing what they did."""

TABLE = "directory_establishment"
FTS_TABLE = "directory_establishment_fts"

_SQLITE_INSTALL = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
        search_text, content='{TABLE}', content_rowid='id', tokenize='trigram'
    )""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_insert AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_delete AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_update AFTER UPDATE OF search_text ON {TABLE}
    BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
        INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
]
_SQLITE_REMOVE = [
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_insert",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_delete",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_update",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]
_POSTGRESQL_INSTALL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"""CREATE INDEX IF NOT EXISTS listed_by_text_trigrams ON {TABLE}
        USING gin (search_text gin_trgm_ops) WHERE is_listed""",
]
_POSTGRESQL_REMOVE = ["DROP INDEX IF EXISTS listed_by_text_trigrams"]


def install(schema_editor) -> None:
    statements = {"sqlite": _SQLITE_INSTALL, "postgresql": _POSTGRESQL_INSTALL}
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def remove(schema_editor) -> None:
    statements = {"sqlite": _SQLITE_REMOVE, "postgresql": _POSTGRESQL_REMOVE}
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)
