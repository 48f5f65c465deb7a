"""Queue the reminder of representatives whose entries were not confirmed for too long."""

from django.core.management.base import BaseCommand

from maillage.directory.tasks import remind_stale_entries


class Command(BaseCommand):
    help = "Met en file le rappel aux représentants des fiches non confirmées depuis longtemps."

    def handle(self, *args, **options):
        result = remind_stale_entries.enqueue()
        self.stdout.write(f"Rappel mis en file (tâche {result.id}).")
