from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from maillage.hub import current_hub
from maillage.plan.loading import PlanFileError, load_plan


class Command(BaseCommand):
    help = (
        "Charge le projet du pôle (valeurs, objectifs, actions, publics) depuis son fichier YAML."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", nargs="?", type=Path, help="Fichier du projet (par défaut : celui du pôle)."
        )

    def handle(self, *args, path=None, **options):
        try:
            report = load_plan(path or current_hub().plan_file)
        except PlanFileError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(str(report)))
