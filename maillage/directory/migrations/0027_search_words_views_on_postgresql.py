"""On PostgreSQL, the word-index models (`models/search_words.py`, SQLite's FTS5 tables) read
views of the establishment's own search columns: the models then exist on both databases, and
what reads every model (`dumpdata`, the erasure checks) does not meet a missing table."""

from django.db import migrations

VIEWS = {
    "directory_establishment_words": "search_text",
    "directory_establishment_names": "search_name",
}


def create_views(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite has the FTS5 tables themselves (search_index.py)
    for view, column in VIEWS.items():
        schema_editor.execute(
            f"CREATE OR REPLACE VIEW {view} AS "
            f"SELECT id AS rowid, {column} FROM directory_establishment"
        )


def drop_views(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for view in VIEWS:
        schema_editor.execute(f"DROP VIEW IF EXISTS {view}")


class Migration(migrations.Migration):
    dependencies = [("directory", "0026_map_tile_counts")]

    operations = [migrations.RunPython(create_views, drop_views)]
