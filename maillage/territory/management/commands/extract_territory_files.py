from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from maillage.territory.errors import TerritoryDataError
from maillage.territory.extract import extract_territory


class Command(BaseCommand):
    help = (
        "Extrait des fichiers COG (format @etalab/decoupage-administratif) et des contours IGN "
        "complets les seules données d’un territoire, dans les mêmes formats."
    )

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="source", required=True, type=Path)
        parser.add_argument("--outlines", nargs="*", default=[], type=Path)
        parser.add_argument("--epci", nargs="*", default=[])
        parser.add_argument("--commune", nargs="*", default=[])
        parser.add_argument(
            "--history",
            type=Path,
            help="Fichier INSEE des mouvements des communes (CSV) dont garder les lignes du "
            "territoire.",
        )
        parser.add_argument("--to", dest="target", required=True, type=Path)

    def handle(self, *args, **options):
        try:
            counts = extract_territory(
                options["source"],
                options["outlines"],
                options["target"],
                epci_codes=options["epci"],
                commune_codes=options["commune"],
                history=options["history"],
            )
        except TerritoryDataError as error:
            raise CommandError(str(error)) from error
        summary = ", ".join(f"{name} : {count}" for name, count in counts.items())
        self.stdout.write(
            self.style.SUCCESS(f"Extrait écrit dans {options['target']} ({summary}).")
        )
