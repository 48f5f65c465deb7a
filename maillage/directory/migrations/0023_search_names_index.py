"""A word index of the names alone (`search_index.py`): a broad search ranks the entries named
after its words without reading every match."""

from django.db import migrations

from maillage.directory import search_index


def install(apps, schema_editor):
    search_index.install_names(schema_editor)


def remove(apps, schema_editor):
    search_index.remove_names(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("directory", "0022_import_run_submission_token")]

    operations = [migrations.RunPython(install, remove)]
