"""A covering index on the published entries' search text, on SQLite only.

A search reads every published entry's `search_text` (words are matched anywhere in it): this
index lets SQLite read those texts alone, not the whole rows, then fetch only the matches. On
PostgreSQL a B-tree index cannot hold long texts; its parallel sequential scan does the work.
"""

from django.db import migrations

INDEX = "listed_by_text"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON "directory_establishment" ("search_text") '
            'WHERE "is_listed"'
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX}"')


class Migration(migrations.Migration):
    dependencies = [("directory", "0005_listed_partial_indexes")]

    operations = [migrations.RunPython(create_index, drop_index)]
