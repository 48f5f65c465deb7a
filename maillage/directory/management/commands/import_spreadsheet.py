"""Import the hub's spreadsheet (the `modele-annuaire.csv` template) for its territory."""

from pathlib import Path

from django.core.management.base import BaseCommand

from maillage.directory.enums import ImportKind
from maillage.directory.sources.commands import (
    print_report,
    reported,
    resumable,
    territory_from,
)
from maillage.directory.sources.spreadsheet import SpreadsheetImporter
from maillage.directory.stewardship.duplicates import find_duplicates


class Command(BaseCommand):
    help = "Importe un tableur au format du modèle de l’annuaire (CSV, « ; » ou « , »)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="fichier CSV rempli depuis le modèle")
        parser.add_argument(
            "--territory", help="identifiant du territoire (défaut : celui du pôle)"
        )
        parser.add_argument(
            "--reprendre",
            type=int,
            metavar="N",
            help="reprendre l’import interrompu n° N après son dernier lot enregistré",
        )

    def handle(self, *args, **options):
        importer = SpreadsheetImporter(territory_from(options["territory"]))
        resumed = resumable(options["reprendre"], ImportKind.SPREADSHEET, options["file"])
        with reported(*resumed):
            run = importer.run(options["file"])
        print_report(run, self.stdout)
        self.stdout.write(f"{find_duplicates()} doublon(s) probable(s) nouveau(x) à examiner.")
