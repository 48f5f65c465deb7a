"""Full-text indexes of the establishments' folded search text, so a search reads no table.

Searching is "every folded word of the query inside the folded text" (`search.py`). Scanning that
text in 200,000 rows is slow, so each database gets a trigram index that answers the same
question: PostgreSQL a GIN `pg_trgm` index, which its planner uses for `LIKE '%word%'`; SQLite an
FTS5 table with the trigram tokenizer, kept by triggers, which `MATCH '"word"'` queries. Trigrams
need three characters: shorter words are still matched with LIKE.

SQLite drops a table's triggers when Django rebuilds the table (some later migrations of
Establishment do): such a migration must call `install` again (a test checks they exist).
"""

from __future__ import annotations

from django.db.models.expressions import RawSQL

TABLE = "directory_establishment"
FTS_TABLE = "directory_establishment_fts"
MIN_TRIGRAM_WORD = 3

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
SQLITE_TRIGGERS = {f"{FTS_TABLE}_insert", f"{FTS_TABLE}_delete", f"{FTS_TABLE}_update"}


def install(schema_editor) -> None:
    """Create the index of this database (nothing on others, which keep plain LIKE)."""
    statements = {"sqlite": _SQLITE_INSTALL, "postgresql": _POSTGRESQL_INSTALL}
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def remove(schema_editor) -> None:
    statements = {"sqlite": _SQLITE_REMOVE, "postgresql": _POSTGRESQL_REMOVE}
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def sqlite_matches(words: list[str]) -> RawSQL:
    """The ids whose text holds every word (each of at least MIN_TRIGRAM_WORD characters).

    Folded words are only [a-z0-9], so quoting them makes a safe FTS5 phrase each."""
    expression = " AND ".join(f'"{word}"' for word in words)
    return RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [expression])
