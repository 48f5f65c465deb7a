"""The map's counts per zoom level and cell, kept in step by triggers marking dirty tiles."""

from django.db import migrations, models

from maillage.directory import map_triggers


def install_triggers(apps, schema_editor):
    map_triggers.install(schema_editor.connection)


def drop_triggers(apps, schema_editor):
    map_triggers.drop(schema_editor.connection)


# Every tile with an entry starts dirty: the first refresh (any write, or
# `rebuild_map_counts`) counts them all; the map groups the entries until then.
EVERY_TILE_DIRTY = """INSERT INTO directory_mapdirtytile (tile) SELECT DISTINCT map_tile
FROM directory_establishment WHERE is_listed AND map_tile IS NOT NULL"""


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0028_directory_exports"),
        ("territory", "0001_initial"),
    ]

    operations = [
        migrations.DeleteModel(name="MapTileCount"),
        migrations.DeleteModel(name="MapTileState"),
        migrations.CreateModel(
            name="MapCellCount",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("level", models.PositiveSmallIntegerField()),
                ("column", models.IntegerField()),
                ("row", models.IntegerField()),
                ("family", models.CharField(max_length=40)),
                ("commune_id", models.IntegerField(null=True)),
                ("count", models.IntegerField()),
                ("lon_sum", models.FloatField()),
                ("lat_sum", models.FloatField()),
                ("first", models.IntegerField()),
                ("west", models.FloatField()),
                ("east", models.FloatField()),
                ("south", models.FloatField()),
                ("north", models.FloatField()),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("level", "column", "row", "family"), name="map_cell_count_once"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="MapDirtyTile",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("tile", models.BigIntegerField()),
            ],
        ),
        migrations.RunPython(install_triggers, drop_triggers),
        migrations.RunSQL(EVERY_TILE_DIRTY, migrations.RunSQL.noop),
    ]
