from django.db import migrations

from maillage.core.demo_columns import column_to_registry


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0004_demo_rows"),
        ("observatory", "0003_snapshot_family_overrides"),
    ]

    operations = [
        migrations.RunPython(*column_to_registry("observatory", "Snapshot", renewed=True)),
        migrations.RemoveField(model_name="snapshot", name="is_demo"),
    ]
