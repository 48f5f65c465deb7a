from django.core.management.base import BaseCommand

from maillage.activities.retention import retention_days
from maillage.activities.tasks import purge_old_registrations


class Command(BaseCommand):
    help = (
        "Anonymise les inscriptions et les avis des activités terminées depuis "
        "REGISTRATION_RETENTION_DAYS jours (à lancer chaque jour ; un second lancement n’efface "
        "rien de plus)."
    )

    def handle(self, *args, **options):
        result = purge_old_registrations.enqueue()
        if not result.is_finished:
            self.stdout.write("Purge des inscriptions anciennes mise en file d’attente.")
            return
        self.stdout.write(f"Durée de conservation : {retention_days()} jours après l’activité.")
        self.stdout.write(f"inscriptions anonymisées : {result.return_value}")
