"""The slim index SQLite ranks search matches from (`search_index.py`), for databases that
applied 0018 before it had it; a no-op elsewhere (every statement is `IF NOT EXISTS`)."""

from django.db import migrations

from maillage.directory import search_index


def install(apps, schema_editor):
    search_index.install(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("directory", "0019_demo_rows_in_the_registry")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
