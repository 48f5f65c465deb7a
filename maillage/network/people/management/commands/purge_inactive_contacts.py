from django.core.management.base import BaseCommand

from maillage.network.people.retention import retention_days
from maillage.network.people.tasks import purge_inactive_contacts

LABELS = {
    "erased": "personnes effacées",
    "kept_member": "gardées (adhésion en cours)",
    "kept_account": "gardées (compte sur la plateforme)",
    "kept_recent": "gardées (activité récente)",
    "imports_deleted": "imports de contacts supprimés",
    "links_deleted": "liens d’export expirés supprimés",
}


class Command(BaseCommand):
    help = (
        "Anonymise les contacts sans échange depuis CONTACT_RETENTION_DAYS jours (à lancer "
        "chaque jour ; un second lancement n’efface rien de plus)."
    )

    def handle(self, *args, **options):
        result = purge_inactive_contacts.enqueue()
        if not result.is_finished:
            self.stdout.write("Purge des contacts inactifs mise en file d’attente.")
            return
        self.stdout.write(f"Durée de conservation : {retention_days()} jours.")
        for key, count in result.return_value.items():
            self.stdout.write(f"{LABELS[key]} : {count}")
