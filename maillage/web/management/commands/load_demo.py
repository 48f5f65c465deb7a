from django.core.management.base import BaseCommand

from maillage.accounts.demo import create_demo_accounts


class Command(BaseCommand):
    help = "Create the fictitious demonstration data and one account per role (local use only)."

    def handle(self, *args, **options):
        self.stdout.write("Comptes de démonstration (usage local uniquement) :")
        for account in create_demo_accounts():
            self.stdout.write(f"  {account.role.label:<20} {account.email:<32} {account.password}")
