"""0014 added columns to the establishments: on SQLite, Django rebuilt the table, which drops the
full-text index's triggers and the raw `listed_by_text` index (`search_index.py`). Put them back
(a no-op where they exist, and on PostgreSQL, whose indexes survive ADD COLUMN)."""

from django.db import migrations

from maillage.directory.migrations import _trigram_index as search_index

TEXT_INDEX = "listed_by_text"


def reinstall(apps, schema_editor):
    search_index.install(schema_editor)
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{TEXT_INDEX}" ON "directory_establishment" '
            '("search_text", "is_listed") WHERE "is_listed"'
        )


class Migration(migrations.Migration):
    dependencies = [("directory", "0015_import_run_progress_and_map_counts")]

    operations = [migrations.RunPython(reinstall, migrations.RunPython.noop)]
