from django.core.management.base import BaseCommand

from maillage.directory.geocoding.tasks import geocode_addresses


class Command(BaseCommand):
    help = (
        "Confie au worker le géocodage des adresses sans coordonnées (API de la Base Adresse "
        "Nationale) ; à planifier chaque jour pour reprendre ce qu’une panne du service a laissé."
    )

    def handle(self, *args, **options):
        result = geocode_addresses.enqueue()
        self.stdout.write(self.style.SUCCESS(f"Géocodage confié au worker (tâche {result.id})."))
