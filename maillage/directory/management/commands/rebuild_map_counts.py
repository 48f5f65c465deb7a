"""Count the map's clusters again from every entry (a new deployment, after a restore)."""

from django.core.management.base import BaseCommand

from maillage.directory.map_clusters import rebuild


class Command(BaseCommand):
    help = (
        "Recompte les groupes de la carte à chaque niveau de zoom depuis toutes les fiches "
        "(chaque modification les tient déjà à jour)."
    )

    def handle(self, *args, **options):
        rebuild()
        self.stdout.write("Comptes de la carte à jour.")
