from django.core.management.base import BaseCommand

from maillage.network.memberships.retention import retention_years
from maillage.network.memberships.tasks import purge_old_memberships


class Command(BaseCommand):
    help = (
        "Anonymise les adhésions de personnes plus anciennes que MEMBERSHIP_RETENTION_YEARS ans "
        "en gardant année, collège, catégorie, montants et numéro de reçu (à lancer chaque "
        "jour ; un second lancement n’efface rien de plus)."
    )

    def handle(self, *args, **options):
        result = purge_old_memberships.enqueue()
        if not result.is_finished:
            self.stdout.write("Purge des adhésions anciennes mise en file d’attente.")
            return
        self.stdout.write(
            f"Durée de conservation : {retention_years()} ans après l’année d’adhésion."
        )
        self.stdout.write(f"adhésions anonymisées : {result.return_value}")
