from django.core.management.base import BaseCommand, CommandError

from maillage.core.french import plural
from maillage.hub import current_hub
from maillage.needs.hub_file import load_needs_file
from maillage.network.memberships.colleges import load_colleges
from maillage.plan.loading import PlanFileError, load_plan
from maillage.plan.models import StrategicObjective
from maillage.support.journeys.stage_file import StageFileError, load_stages
from maillage.territory.importer import load_configured_territory


class Command(BaseCommand):
    help = (
        "Load the configured hub's territory, colleges, needs' themes and criteria, support "
        "stages, and its plan on first install (idempotent)."
    )

    def handle(self, *args, **options):
        hub = current_hub()
        territory_report = load_configured_territory(hub.territory)
        self.stdout.write(f"Territoire « {hub.territory.name} » : {territory_report}")
        self.stdout.write(f"Collèges des adhérents : {load_colleges(hub.directory)}.")
        themes, criteria = load_needs_file(hub.directory)
        self.stdout.write(f"Besoins du territoire : {themes} thèmes, {criteria} critères.")
        try:
            stages = load_stages(hub.directory)
        except StageFileError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Étapes des parcours d’accompagnement : {plural(stages, 'mise', 'mises')} à jour."
        )
        self._load_plan_once(hub)

    def _load_plan_once(self, hub):
        # Staff edit the plan in the admin: a later run must not put the file's text back.
        if StrategicObjective.objects.exists():
            self.stdout.write(
                "Projet du pôle déjà chargé : les modifications faites dans l’administration "
                "sont conservées (« manage.py load_plan » le recharge depuis le fichier)."
            )
            return
        try:
            self.stdout.write(f"Projet du pôle : {load_plan(hub.plan_file)}")
        except PlanFileError as error:
            raise CommandError(str(error)) from error
