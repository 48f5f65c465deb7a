from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from maillage.territory.errors import TerritoryDataError
from maillage.territory.importer import TerritorySpec, import_territory


class Command(BaseCommand):
    help = (
        "Importe un territoire (liste d’EPCI et/ou de communes) depuis les fichiers du COG au "
        "format @etalab/decoupage-administratif (avec, s’il s’y trouve, l’historique INSEE "
        "mouvements-communes.csv) et des contours IGN en GeoJSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("--cog-dir", required=True, type=Path)
        parser.add_argument("--outlines", nargs="*", default=[], type=Path)
        parser.add_argument("--epci", nargs="*", default=[])
        parser.add_argument("--commune", nargs="*", default=[])
        parser.add_argument("--name", required=True)
        parser.add_argument("--slug", required=True)
        parser.add_argument("--source", required=True)
        parser.add_argument("--vintage", required=True)
        parser.add_argument(
            "--population-vintage",
            default="",
            help="Millésime des populations, s’il diffère de --vintage.",
        )
        parser.add_argument(
            "--default", action="store_true", help="En faire le territoire du pôle."
        )

    def handle(self, *args, **options):
        spec = TerritorySpec(
            name=options["name"],
            slug=options["slug"],
            source=options["source"],
            vintage=options["vintage"],
            epci_codes=tuple(options["epci"]),
            commune_codes=tuple(options["commune"]),
            population_vintage=options["population_vintage"],
        )
        try:
            report = import_territory(
                spec, options["cog_dir"], options["outlines"], make_default=options["default"]
            )
        except TerritoryDataError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Territoire « {spec.name} » importé : {report}"))
