from django.core.management.base import BaseCommand

from maillage.network.memberships.joining_retention import retention_days
from maillage.network.memberships.tasks import purge_old_join_requests


class Command(BaseCommand):
    help = (
        "Supprime les demandes d’adhésion reçues il y a plus de JOIN_REQUEST_RETENTION_DAYS "
        "jours (à lancer chaque jour ; un second lancement ne supprime rien de plus)."
    )

    def handle(self, *args, **options):
        result = purge_old_join_requests.enqueue()
        if not result.is_finished:
            self.stdout.write("Purge des demandes d’adhésion mise en file d’attente.")
            return
        self.stdout.write(f"Durée de conservation : {retention_days()} jours après la demande.")
        self.stdout.write(f"demandes supprimées : {result.return_value}")
