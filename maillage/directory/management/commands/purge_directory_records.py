from django.core.management.base import BaseCommand

from maillage.directory.retention import report_days
from maillage.directory.tasks import purge_directory_records

LABELS = {
    "imports_deleted": "comptes rendus d’import supprimés (lignes rejetées et fichiers compris)",
    "searches_deleted": "recherches de l’annuaire supprimées",
    "claims_anonymised": "demandes de rattachement refusées anonymisées",
    "proposals_anonymised": "propositions de modification anonymisées",
}


class Command(BaseCommand):
    help = (
        "Supprime les comptes rendus d’import plus anciens que IMPORT_REPORT_RETENTION_DAYS jours "
        "avec leurs lignes rejetées et leurs fichiers, les recherches de l’annuaire de plus d’un "
        "an, et anonymise les demandes tranchées depuis plus d’un an (à lancer chaque jour)."
    )

    def handle(self, *args, **options):
        result = purge_directory_records.enqueue()
        if not result.is_finished:
            self.stdout.write("Purge de l’annuaire mise en file d’attente.")
            return
        self.stdout.write(f"Comptes rendus d’import gardés {report_days()} jours.")
        for key, count in result.return_value.items():
            self.stdout.write(f"{LABELS[key]} : {count}")
