from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from maillage.network.memberships.tasks import run_renewal_campaign, sync_hub_members


class Command(BaseCommand):
    help = (
        "Relance les adhérents de l’an dernier qui n’ont pas renouvelé et met à jour la mention "
        "« adhérente du pôle » de l’annuaire (à lancer chaque jour ou chaque semaine ; un "
        "adhérent n’est relancé qu’une fois par an)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--annee", type=int, help="Année à renouveler (par défaut : l’année en cours)"
        )

    def handle(self, *args, **options):
        year = options["annee"] or timezone.localdate().year
        if not 2000 <= year <= 2100:
            raise CommandError("Année invalide : attendu une année comme 2026.")
        sync_hub_members.enqueue()
        run_renewal_campaign.enqueue(year)
        self.stdout.write(f"Relances de renouvellement {year} mises en file d’attente.")
