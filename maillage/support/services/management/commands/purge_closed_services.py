from django.core.management.base import BaseCommand

from maillage.support.services.tasks import purge_services

LABELS = {
    "contacts_anonymised": "contacts de services fermés depuis plus d’un an anonymisés",
    "summaries_deleted": "récapitulatifs jamais envoyés supprimés",
}


class Command(BaseCommand):
    help = (
        "Anonymise le contact des services fermés depuis plus d’un an et supprime les demandes "
        "de récapitulatif restées sans envoi (à lancer chaque jour)."
    )

    def handle(self, *args, **options):
        result = purge_services.enqueue()
        if not result.is_finished:
            self.stdout.write("Purge des services mise en file d’attente.")
            return
        for key, count in result.return_value.items():
            self.stdout.write(f"{LABELS[key]} : {count}")
