"""The database triggers that mark a tile dirty when an entry of it changes (`map_clusters.py`).

In the database, not in signals: a bulk insert, a queryset's update, a cascade or raw SQL marks
its tiles too, in its own transaction. Installed by migration 0029 and again after every
`migrate` (`apps.py`): on SQLite, a migration that rebuilds the entries' table drops its
triggers. Written for SQLite and PostgreSQL (14 or later, for CREATE OR REPLACE TRIGGER).
"""

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper

# The columns the map reads: a change to any of them moves, adds or removes a point.
MAP_COLUMNS = ("is_listed", "map_tile", "family", "commune_id", "longitude", "latitude")
LISTED = "{row}.is_listed AND {row}.map_tile IS NOT NULL"
# A renamed commune may name other clusters: its entries' tiles are counted again.
COMMUNE_TILES = """INSERT INTO directory_mapdirtytile (tile) SELECT DISTINCT map_tile
    FROM directory_establishment WHERE commune_id = NEW.id AND is_listed
    AND map_tile IS NOT NULL;"""

_SQLITE_MARK = "INSERT INTO directory_mapdirtytile (tile) SELECT {row}.map_tile WHERE " + LISTED
_SQLITE_CHANGED = " OR ".join(f"OLD.{column} IS NOT NEW.{column}" for column in MAP_COLUMNS)
SQLITE = [
    f"""CREATE TRIGGER IF NOT EXISTS directory_map_dirty_insert
    AFTER INSERT ON directory_establishment
    BEGIN {_SQLITE_MARK.format(row="NEW")}; END""",
    f"""CREATE TRIGGER IF NOT EXISTS directory_map_dirty_delete
    AFTER DELETE ON directory_establishment
    BEGIN {_SQLITE_MARK.format(row="OLD")}; END""",
    f"""CREATE TRIGGER IF NOT EXISTS directory_map_dirty_update
    AFTER UPDATE ON directory_establishment WHEN {_SQLITE_CHANGED}
    BEGIN {_SQLITE_MARK.format(row="OLD")}; {_SQLITE_MARK.format(row="NEW")}; END""",
    f"""CREATE TRIGGER IF NOT EXISTS directory_map_dirty_commune
    AFTER UPDATE OF name ON territory_commune WHEN OLD.name IS NOT NEW.name
    BEGIN {COMMUNE_TILES} END""",
]
SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS directory_map_dirty_{name}"
    for name in ("insert", "delete", "update", "commune")
]

_POSTGRESQL_MARK = (
    f"IF {LISTED} THEN INSERT INTO directory_mapdirtytile (tile) VALUES ({{row}}.map_tile); END IF;"
)
_POSTGRESQL_CHANGED = " OR ".join(
    f"OLD.{column} IS DISTINCT FROM NEW.{column}" for column in MAP_COLUMNS
)
POSTGRESQL = [
    f"""CREATE OR REPLACE FUNCTION directory_map_dirty() RETURNS trigger
    LANGUAGE plpgsql AS $$ BEGIN
        IF TG_OP <> 'INSERT' THEN {_POSTGRESQL_MARK.format(row="OLD")} END IF;
        IF TG_OP <> 'DELETE' THEN {_POSTGRESQL_MARK.format(row="NEW")} END IF;
        RETURN NULL;
    END $$""",
    """CREATE OR REPLACE TRIGGER directory_map_dirty
    AFTER INSERT OR DELETE ON directory_establishment
    FOR EACH ROW EXECUTE FUNCTION directory_map_dirty()""",
    f"""CREATE OR REPLACE TRIGGER directory_map_dirty_update
    AFTER UPDATE ON directory_establishment FOR EACH ROW WHEN ({_POSTGRESQL_CHANGED})
    EXECUTE FUNCTION directory_map_dirty()""",
    f"""CREATE OR REPLACE FUNCTION directory_map_dirty_commune() RETURNS trigger
    LANGUAGE plpgsql AS $$ BEGIN {COMMUNE_TILES} RETURN NULL; END $$""",
    """CREATE OR REPLACE TRIGGER directory_map_dirty_commune
    AFTER UPDATE OF name ON territory_commune
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
    EXECUTE FUNCTION directory_map_dirty_commune()""",
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS directory_map_dirty_commune ON territory_commune",
    "DROP TRIGGER IF EXISTS directory_map_dirty_update ON directory_establishment",
    "DROP TRIGGER IF EXISTS directory_map_dirty ON directory_establishment",
    "DROP FUNCTION IF EXISTS directory_map_dirty_commune()",
    "DROP FUNCTION IF EXISTS directory_map_dirty()",
]
INSTALL = {"sqlite": SQLITE, "postgresql": POSTGRESQL}
DROP = {"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}


def install(connection: BaseDatabaseWrapper) -> None:
    _execute(connection, INSTALL[connection.vendor])


def drop(connection: BaseDatabaseWrapper) -> None:
    _execute(connection, DROP[connection.vendor])


def _execute(connection: BaseDatabaseWrapper, statements: list[str]) -> None:
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
