from django.db import migrations

from maillage.core.demo_columns import register_rows

# What the demonstration wrote in the entries it created before the registry existed.
SOURCE = "demo:"


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0004_demo_rows"),
        ("directory", "0018_ranked_search"),
    ]

    operations = [
        migrations.RunPython(
            register_rows("directory", "Establishment", False, source_ref__startswith=SOURCE),
            migrations.RunPython.noop,
        ),
        migrations.RunPython(
            register_rows(
                "directory", "LegalUnit", False, establishments__source_ref__startswith=SOURCE
            ),
            migrations.RunPython.noop,
        ),
    ]
