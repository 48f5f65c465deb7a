from django.core.management.base import BaseCommand

from maillage.hub import current_hub
from maillage.plan.loading import load_plan
from maillage.territory.importer import load_configured_territory


class Command(BaseCommand):
    help = "Load the configured hub's territory and plan (idempotent)."

    def handle(self, *args, **options):
        hub = current_hub()
        territory_report = load_configured_territory(hub.territory)
        self.stdout.write(f"Territoire « {hub.territory.name} » : {territory_report}")
        plan_report = load_plan(hub.plan_file)
        self.stdout.write(f"Projet du pôle : {plan_report}")
