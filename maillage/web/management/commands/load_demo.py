from django.core.management.base import BaseCommand

from maillage.accounts.demo import create_demo_accounts
from maillage.activities.demo import create_demo_activities
from maillage.directory.demo import create_demo_directory
from maillage.observatory.demo import create_demo_observatory


class Command(BaseCommand):
    help = "Create the fictitious demonstration data and one account per role (local use only)."

    def handle(self, *args, **options):
        # Order matters: the observatory counts the directory; activities name its organisations.
        created = create_demo_directory()
        self.stdout.write(f"Annuaire : {created} établissement(s) fictif(s) créé(s).")
        snapshot = create_demo_observatory()
        self.stdout.write(f"Observatoire : {snapshot or 'aucun territoire chargé'}.")
        self.stdout.write(f"Agenda : {create_demo_activities()} activité(s) fictive(s) créée(s).")
        self.stdout.write("Comptes de démonstration (usage local uniquement) :")
        for account in create_demo_accounts():
            self.stdout.write(f"  {account.role.label:<20} {account.email:<32} {account.password}")
