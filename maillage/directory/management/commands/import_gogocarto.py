"""Import a GoGoCarto JSON export for the hub's territory."""

from pathlib import Path

from django.core.management.base import BaseCommand

from maillage.directory.enums import ImportKind
from maillage.directory.sources.commands import (
    print_report,
    reported,
    resumable,
    territory_from,
)
from maillage.directory.sources.gogocarto import GogocartoImporter
from maillage.directory.stewardship.duplicates import find_duplicates


class Command(BaseCommand):
    help = "Importe les structures du territoire depuis un export JSON de GoGoCarto."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="export JSON des éléments")
        parser.add_argument("--taxonomie", type=Path, help="export JSON de la taxonomie")
        parser.add_argument(
            "--territory", help="identifiant du territoire (défaut : celui du pôle)"
        )
        parser.add_argument(
            "--reprendre",
            type=int,
            metavar="N",
            help="reprendre l’import interrompu n° N après son dernier lot enregistré",
        )
        parser.add_argument(
            "--partiel",
            action="store_true",
            help="export d’une partie de la carte : ne pas masquer les structures absentes",
        )

    def handle(self, *args, **options):
        importer = GogocartoImporter(territory_from(options["territory"]))
        resumed = resumable(options["reprendre"], ImportKind.GOGOCARTO, options["file"])
        with reported(*resumed):
            run = importer.run(
                options["file"], options["taxonomie"], complete=not options["partiel"]
            )
        print_report(run, self.stdout)
        self.stdout.write(f"{find_duplicates()} doublon(s) probable(s) nouveau(x) à examiner.")
