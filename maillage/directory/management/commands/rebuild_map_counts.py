"""Count the map's tiles again (the worker does it after each change; for a new deployment)."""

from django.core.management.base import BaseCommand

from maillage.directory.map_clusters import rebuild


class Command(BaseCommand):
    help = "Recompte les points de la carte par tuile (le worker le fait après chaque changement)."

    def handle(self, *args, **options):
        in_use = rebuild()
        self.stdout.write(
            "Comptes de la carte à jour."
            if in_use
            else "Des fiches ont changé pendant le comptage : un nouveau comptage est en file."
        )
