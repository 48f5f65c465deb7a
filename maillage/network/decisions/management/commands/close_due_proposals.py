from django.core.management.base import BaseCommand

from maillage.network.decisions.tasks import close_due


class Command(BaseCommand):
    help = (
        "Clôt les propositions dont la date limite est passée et enregistre leur résultat "
        "(à lancer régulièrement, par exemple toutes les heures ; relancer ne change rien)."
    )

    def handle(self, *args, **options):
        close_due.enqueue()
        self.stdout.write("Clôture des propositions échues mise en file d’attente.")
