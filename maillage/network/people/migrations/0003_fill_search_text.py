"""People recorded before search existed get their folded search text."""

from django.db import migrations

from maillage.core.text import fold


def fill(apps, schema_editor):
    Person = apps.get_model("people", "Person")
    Affiliation = apps.get_model("people", "Affiliation")
    for person in Person.objects.filter(search_text="", is_erased=False).iterator():
        parts = [person.first_name, person.last_name, person.email]
        for affiliation in Affiliation.objects.filter(person=person).select_related("legal_unit"):
            parts += [affiliation.legal_unit.name, affiliation.legal_unit.acronym]
        person.search_text = " ".join(fold(part) for part in parts if part)
        person.save(update_fields=["search_text"])


class Migration(migrations.Migration):
    dependencies = [("people", "0002_tags_interactions_consents_exports_imports")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
