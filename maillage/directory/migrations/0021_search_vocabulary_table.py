"""SQLite's search vocabulary becomes a table of words fed by triggers, as PostgreSQL's is:
listing the words of an `fts5vocab` table counted every entry holding them (`search_index.py`)."""

from django.db import migrations

from maillage.directory import search_index


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {search_index.OLD_FTS_VOCABULARY}")
    search_index.install(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("directory", "0020_search_ranking_index")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
