from django.db import migrations

from maillage.core.demo_columns import column_to_registry


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0004_demo_rows"),
        ("journeys", "0004_case_anonymised_on"),
    ]

    operations = [
        migrations.RunPython(*column_to_registry("journeys", "SupportCase", renewed=True)),
        migrations.RemoveField(model_name="supportcase", name="is_demo"),
    ]
