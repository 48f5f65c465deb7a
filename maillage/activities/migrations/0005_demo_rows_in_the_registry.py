from django.db import migrations

from maillage.core.demo_columns import column_to_registry


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0004_demo_rows"),
        ("activities", "0004_plain_text_descriptions"),
    ]

    operations = [
        migrations.RunPython(*column_to_registry("activities", "Activity", renewed=True)),
        migrations.RemoveField(model_name="activity", name="is_demo"),
    ]
