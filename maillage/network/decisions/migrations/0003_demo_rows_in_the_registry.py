from django.db import migrations

from maillage.core.demo_columns import register_rows

# The proposals the demonstration created before the registry existed.
TITLES = [
    "Cotisation de l’an prochain : quel barème ? (fictive)",
    "Lieu de la prochaine assemblée générale (proposition fictive)",
    "Mutualiser un véhicule utilitaire (proposition fictive)",
]


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0004_demo_rows"),
        ("decisions", "0002_vote_proposal_label"),
    ]

    operations = [
        migrations.RunPython(
            register_rows("decisions", "Proposal", True, title__in=TITLES),
            migrations.RunPython.noop,
        ),
    ]
