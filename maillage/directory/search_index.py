"""The word indexes of the establishments' folded `search_text`, so that a search reads only the
rows it finds, and the vocabulary the typo tolerance draws from.

A query word matches an entry when it starts one of the entry's words (`search_query.py`).
Both databases answer that from an index of words, tokenised alike (folded text is only
[a-z0-9] words separated by spaces):

- PostgreSQL: a GIN index on `to_tsvector('simple', search_text)` of the listed entries, asked
  with `word:*` prefix queries; the vocabulary is a table of words fed by statement triggers.
- SQLite: an external-content FTS5 table (unicode61 tokenizer, prefix indexes for short words)
  kept by triggers, asked with `"word"*`; its vocabulary a table of words fed by triggers.

A second index of the same kind covers `search_name` alone: a broad search ranks the entries
that have its words in their names without reading every match (`search_query.py`).

SQLite drops a table's triggers and raw indexes when Django rebuilds the table (some migrations
of Establishment do): such a migration must call `install` again (a test checks they exist).
"""

from __future__ import annotations

from django.db.models import BooleanField, F, Func, Q, QuerySet, Value
from django.db.models.expressions import RawSQL

TABLE = "directory_establishment"
FTS_TABLE = "directory_establishment_words"
NAMES_FTS_TABLE = "directory_establishment_names"
OLD_FTS_VOCABULARY = "directory_establishment_words_vocabulary"  # 0018's, replaced by 0021
PG_INDEX = "listed_by_words"
PG_NAMES_INDEX = "listed_by_name_words"
SQLITE_RANKING_INDEX = "listed_for_ranking"
VOCABULARY = "directory_search_word"
PG_VECTOR = "to_tsvector('simple'::regconfig, {column})"


def _sqlite_add_words(text: str, rows: str = "") -> str:
    """Add the words of `text` to the vocabulary: folded text has only [a-z0-9] words and
    spaces, so it reads as a JSON array once each space is turned into '","'."""
    return f"""INSERT OR IGNORE INTO {VOCABULARY} (word)
        SELECT value FROM {rows}json_each('["' || replace({text}, ' ', '","') || '"]')
        WHERE value <> ''"""


def _sqlite_fts(column: str, fts: str) -> list[str]:
    """An external-content FTS5 index of `column`, kept in step with the table by triggers."""
    return [
        f"""CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5(
            {column}, content='{TABLE}', content_rowid='id', tokenize='unicode61',
            prefix='1 2 3'
        )""",
        f"""CREATE TRIGGER IF NOT EXISTS {fts}_insert AFTER INSERT ON {TABLE} BEGIN
            INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column});
        END""",
        f"""CREATE TRIGGER IF NOT EXISTS {fts}_delete AFTER DELETE ON {TABLE} BEGIN
            INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.id, old.{column});
        END""",
        f"""CREATE TRIGGER IF NOT EXISTS {fts}_update AFTER UPDATE OF {column} ON {TABLE}
        BEGIN
            INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.id, old.{column});
            INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column});
        END""",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


_SQLITE_NAMES_INSTALL = _sqlite_fts("search_name", NAMES_FTS_TABLE)
_SQLITE_NAMES_REMOVE = [
    f"DROP TRIGGER IF EXISTS {NAMES_FTS_TABLE}_insert",
    f"DROP TRIGGER IF EXISTS {NAMES_FTS_TABLE}_delete",
    f"DROP TRIGGER IF EXISTS {NAMES_FTS_TABLE}_update",
    f"DROP TABLE IF EXISTS {NAMES_FTS_TABLE}",
]
_SQLITE_INSTALL = [
    *_sqlite_fts("search_text", FTS_TABLE),
    f"CREATE TABLE IF NOT EXISTS {VOCABULARY} (word TEXT PRIMARY KEY) WITHOUT ROWID",
    f"""CREATE TRIGGER IF NOT EXISTS {VOCABULARY}_insert AFTER INSERT ON {TABLE} BEGIN
        {_sqlite_add_words("new.search_text")};
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {VOCABULARY}_update AFTER UPDATE OF search_text ON {TABLE}
    BEGIN
        {_sqlite_add_words("new.search_text")};
    END""",
    _sqlite_add_words("search_text", rows=f"{TABLE}, "),
    *_SQLITE_NAMES_INSTALL,
    # What ranking a match reads, by id: SQLite looks the matches up in this slim index instead
    # of their rows, which carry the descriptions (a third of the time for 200,000 matches).
    f"""CREATE INDEX IF NOT EXISTS {SQLITE_RANKING_INDEX}
        ON {TABLE} (id, sort_name, search_name, search_place, is_listed) WHERE is_listed""",
]
_SQLITE_REMOVE = [
    f"DROP INDEX IF EXISTS {SQLITE_RANKING_INDEX}",
    *_SQLITE_NAMES_REMOVE,
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_insert",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_delete",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_update",
    f"DROP TRIGGER IF EXISTS {VOCABULARY}_insert",
    f"DROP TRIGGER IF EXISTS {VOCABULARY}_update",
    f"DROP TABLE IF EXISTS {VOCABULARY}",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]
# PostgreSQL's vocabulary triggers work per statement, with transition tables: a bulk insert of
# 2,000 entries adds its words in one statement, not 2,000. On both databases words are never
# removed: a stale one only offers a correction that finds nothing.
_PG_WORDS_OF_CHANGED = f"""
    INSERT INTO {VOCABULARY} (word)
    SELECT DISTINCT word FROM changed, regexp_split_to_table(changed.search_text, ' ') AS word
    WHERE word <> '' ON CONFLICT DO NOTHING
"""
_POSTGRESQL_NAMES_INSTALL = [
    f"""CREATE INDEX IF NOT EXISTS {PG_NAMES_INDEX} ON {TABLE}
        USING gin ({PG_VECTOR.format(column="search_name")}) WHERE is_listed""",
]
_POSTGRESQL_NAMES_REMOVE = [f"DROP INDEX IF EXISTS {PG_NAMES_INDEX}"]
_POSTGRESQL_INSTALL = [
    f"""CREATE INDEX IF NOT EXISTS {PG_INDEX} ON {TABLE}
        USING gin ({PG_VECTOR.format(column="search_text")}) WHERE is_listed""",
    f'CREATE TABLE IF NOT EXISTS {VOCABULARY} (word text COLLATE "C" PRIMARY KEY)',
    f"""CREATE OR REPLACE FUNCTION {VOCABULARY}_add() RETURNS trigger AS $$
    BEGIN {_PG_WORDS_OF_CHANGED}; RETURN NULL; END $$ LANGUAGE plpgsql""",
    f"""CREATE OR REPLACE TRIGGER {VOCABULARY}_insert AFTER INSERT ON {TABLE}
        REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
        EXECUTE FUNCTION {VOCABULARY}_add()""",
    f"""CREATE OR REPLACE TRIGGER {VOCABULARY}_update AFTER UPDATE ON {TABLE}
        REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
        EXECUTE FUNCTION {VOCABULARY}_add()""",
    f"WITH changed AS (SELECT search_text FROM {TABLE}) {_PG_WORDS_OF_CHANGED}",
    *_POSTGRESQL_NAMES_INSTALL,
]
_POSTGRESQL_REMOVE = [
    f"DROP TRIGGER IF EXISTS {VOCABULARY}_insert ON {TABLE}",
    f"DROP TRIGGER IF EXISTS {VOCABULARY}_update ON {TABLE}",
    f"DROP FUNCTION IF EXISTS {VOCABULARY}_add()",
    f"DROP TABLE IF EXISTS {VOCABULARY}",
    f"DROP INDEX IF EXISTS {PG_INDEX}",
    *_POSTGRESQL_NAMES_REMOVE,
]
SQLITE_TRIGGERS = {
    f"{NAMES_FTS_TABLE}_insert",
    f"{NAMES_FTS_TABLE}_delete",
    f"{NAMES_FTS_TABLE}_update",
    f"{FTS_TABLE}_insert",
    f"{FTS_TABLE}_delete",
    f"{FTS_TABLE}_update",
    f"{VOCABULARY}_insert",
    f"{VOCABULARY}_update",
}


def _execute(schema_editor, statements: dict[str, list[str]]) -> None:
    for statement in statements[schema_editor.connection.vendor]:
        schema_editor.execute(statement)


def install(schema_editor) -> None:
    _execute(schema_editor, {"sqlite": _SQLITE_INSTALL, "postgresql": _POSTGRESQL_INSTALL})


def remove(schema_editor) -> None:
    _execute(schema_editor, {"sqlite": _SQLITE_REMOVE, "postgresql": _POSTGRESQL_REMOVE})


def install_names(schema_editor) -> None:
    """The names' index alone (migration 0023 added it to an installed search)."""
    statements = {"sqlite": _SQLITE_NAMES_INSTALL, "postgresql": _POSTGRESQL_NAMES_INSTALL}
    _execute(schema_editor, statements)


def remove_names(schema_editor) -> None:
    statements = {"sqlite": _SQLITE_NAMES_REMOVE, "postgresql": _POSTGRESQL_NAMES_REMOVE}
    _execute(schema_editor, statements)


class _Matches(Func):
    """`<tsvector> @@ <tsquery>`, PostgreSQL's full-text match."""

    arg_joiner = " @@ "
    template = "%(expressions)s"
    output_field = BooleanField()


def matches(
    vendor: str, groups: list[list[str]], names_only: bool = False, joined: bool = True
) -> Q | Func:
    """True for the entries with, for each group, one of its words (a word ending in « * »:
    a word it starts), in their names alone if `names_only`.

    On SQLite, `joined` joins the FTS5 table (`models/search_words.py`): reading the first
    matches reads only them. Else `id IN (every match)`, which SQLite builds first: the plan of
    choice when every match is ranked, as a join then probes the index for each entry.

    Folded words are only [a-z0-9]: quoted, each is a safe FTS5 phrase and tsquery lexeme."""
    column = "search_name" if names_only else "search_text"
    if vendor == "postgresql":
        query = " & ".join(
            "(" + " | ".join(_lexeme(word) for word in group) + ")" for group in groups
        )
        # On the column itself, not `id IN (subquery)`: the planner reads only the matches.
        vector = Func(F(column), template=PG_VECTOR.format(column="%(expressions)s"))
        return _Matches(
            vector, Func(Value(query), template="to_tsquery('simple', %(expressions)s)")
        )
    query = " AND ".join(
        "(" + " OR ".join(_phrase(word) for word in group) + ")" for group in groups
    )
    if not joined:
        fts = NAMES_FTS_TABLE if names_only else FTS_TABLE
        return Q(pk__in=RawSQL(f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s", [query]))
    if names_only:
        return Q(search_name_words__search_name__match=query)
    return Q(search_words__search_text__match=query)


def among(vendor: str, first: QuerySet, second: QuerySet) -> Q:
    """The entries whose id one of two bounded subqueries gives (`values("pk")[:n]`).

    PostgreSQL reads `id IN (a UNION b)` as a join on the primary key: only the candidates'
    rows. `id IN (a) OR id IN (b)` it plans as a scan of every listed entry, each probed in
    both lists. SQLite allows no LIMIT inside a UNION's parts, and reads each IN list through
    its primary key."""
    if vendor == "postgresql":
        return Q(pk__in=first.union(second))
    return Q(pk__in=first) | Q(pk__in=second)


def _lexeme(word: str) -> str:
    """A tsquery lexeme: the word, or every word it starts if it ends in « * »."""
    return f"'{word[:-1]}':*" if word.endswith("*") else f"'{word}'"


def _phrase(word: str) -> str:
    """An FTS5 phrase: the word, or every word it starts if it ends in « * »."""
    return f'"{word[:-1]}"*' if word.endswith("*") else f'"{word}"'


def in_index_order(vendor: str, names_only: bool = False) -> tuple[str, ...]:
    """What to order matches by so that their first ones are read from the index, not sorted:
    FTS5 gives its matches by rowid (the id) when asked for its own rowid order. PostgreSQL's
    GIN index gives its matches as a bitmap, read in the table's order: asking them by id
    would sort every match (0,6 s for a word in each of 200,000 entries) or, once the planner
    knows how many match, walk the primary key computing each row's words (4 s for 4 %)."""
    if vendor == "postgresql":
        return ()
    return ("search_name_words",) if names_only else ("search_words",)


_VOCABULARY_RANGE = f"SELECT word FROM {VOCABULARY} WHERE word >= %s AND word < %s"


def words_with_prefix(cursor, prefix: str, limit: int) -> list[str]:
    """Up to `limit` indexed words that start with `prefix` (listed entry or not)."""
    cursor.execute(_VOCABULARY_RANGE + " ORDER BY word LIMIT %s", [prefix, prefix + "{", limit])
    return [row[0] for row in cursor.fetchall()]


def words_starting_with(cursor, letter: str) -> list[str]:
    """The indexed words that start with `letter` ('{' follows 'z' in ASCII)."""
    cursor.execute(_VOCABULARY_RANGE, [letter, chr(ord(letter) + 1)])
    return [row[0] for row in cursor.fetchall()]
