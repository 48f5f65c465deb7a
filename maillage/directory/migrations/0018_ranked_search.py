"""The search ranks its results: the names and the commune of each entry in their own folded
columns, and word indexes instead of trigrams (`search_index.py`)."""

from django.db import migrations, models

from maillage.core.text import fold
from maillage.directory import search_index
from maillage.directory.migrations import _trigram_index

BATCH = 2000
OLD_TEXT_INDEX = "listed_by_text"  # 0010's, on SQLite: the search no longer scans the texts


def remove_trigram_index(apps, schema_editor):
    _trigram_index.remove(schema_editor)
    schema_editor.execute(f'DROP INDEX IF EXISTS "{OLD_TEXT_INDEX}"')


def _folded(*parts):
    return " ".join(fold(part) for part in parts if part)


def fill_names_and_places(apps, schema_editor):
    Establishment = apps.get_model("directory", "Establishment")
    sites = Establishment.objects.select_related("legal_unit", "commune").order_by("pk")
    batch = []
    for site in sites.iterator(chunk_size=BATCH):
        unit = site.legal_unit
        site.search_name = _folded(site.name, site.sign, unit.name, unit.acronym)
        site.search_place = _folded(site.city_name, site.commune.name if site.commune else "")
        batch.append(site)
        if len(batch) == BATCH:
            Establishment.objects.bulk_update(batch, ["search_name", "search_place"])
            batch = []
    Establishment.objects.bulk_update(batch, ["search_name", "search_place"])


def install_word_index(apps, schema_editor):
    search_index.install(schema_editor)


def remove_word_index(apps, schema_editor):
    search_index.remove(schema_editor)
    _trigram_index.install(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("directory", "0017_geocoding")]

    operations = [
        migrations.RunPython(remove_trigram_index, migrations.RunPython.noop),
        migrations.AddField(
            model_name="establishment",
            name="search_name",
            field=models.TextField(
                blank=True, editable=False, verbose_name="noms pour la recherche"
            ),
        ),
        migrations.AddField(
            model_name="establishment",
            name="search_place",
            field=models.TextField(
                blank=True, editable=False, verbose_name="commune pour la recherche"
            ),
        ),
        migrations.RunPython(fill_names_and_places, migrations.RunPython.noop),
        migrations.RunPython(install_word_index, remove_word_index),
    ]
