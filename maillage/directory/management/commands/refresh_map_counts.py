"""Count the map's dirty tiles again (the hourly job; each write already asks for it)."""

from django.core.management.base import BaseCommand

from maillage.core.french import plural
from maillage.directory.map_clusters import refresh


class Command(BaseCommand):
    help = "Recompte les groupes de la carte des tuiles modifiées depuis leur dernier comptage."

    def handle(self, *args, **options):
        tiles = refresh()
        counted = plural(tiles, "tuile recomptée", "tuiles recomptées")
        self.stdout.write(f"Comptes de la carte à jour ({counted}).")
