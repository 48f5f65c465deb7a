"""Queue the rewrite of the directory's public files (CSV, ODS, GeoJSON, data·inclusion)."""

from django.core.management.base import BaseCommand

from maillage.directory.tasks import rebuild_published_exports


class Command(BaseCommand):
    help = "Met en file la réécriture des fichiers publics de l’annuaire."

    def handle(self, *args, **options):
        result = rebuild_published_exports.enqueue()
        self.stdout.write(f"Réécriture mise en file (tâche {result.id}).")
