from django.core.management.base import BaseCommand

from maillage.accounts.lockout import purge_failed_logins
from maillage.core.french import plural


class Command(BaseCommand):
    help = "Supprime les échecs de connexion trop anciens pour compter dans un blocage."

    def handle(self, *args, **options):
        deleted = purge_failed_logins()
        self.stdout.write(
            f"{plural(deleted, 'échec de connexion supprimé', 'échecs de connexion supprimés')}."
        )
