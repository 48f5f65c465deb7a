from django.core.management.base import BaseCommand

from maillage.core.french import plural
from maillage.core.ratelimit import purge_expired


class Command(BaseCommand):
    help = "Supprime les compteurs de limite de demandes dont la période est finie."

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(f"{plural(purge_expired(), 'compteur supprimé', 'compteurs supprimés')}.")
