from django.core.management.base import BaseCommand

from maillage.support.journeys.retention import retention_days
from maillage.support.journeys.tasks import purge_closed_cases


class Command(BaseCommand):
    help = (
        "Anonymise les dossiers d’accompagnement clos depuis SUPPORT_CASE_RETENTION_DAYS jours "
        "en gardant leurs chiffres (à lancer chaque jour ; un second lancement n’efface rien "
        "de plus)."
    )

    def handle(self, *args, **options):
        result = purge_closed_cases.enqueue()
        if not result.is_finished:
            self.stdout.write("Purge des dossiers d’accompagnement clos mise en file d’attente.")
            return
        self.stdout.write(f"Durée de conservation : {retention_days()} jours après la clôture.")
        self.stdout.write(f"dossiers anonymisés : {result.return_value}")
