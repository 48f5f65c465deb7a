"""Import the hub's spreadsheet (the `modele-annuaire.csv` template) for its territory."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from maillage.directory.sources.commands import print_report, territory_from
from maillage.directory.sources.errors import ImportRefused
from maillage.directory.sources.spreadsheet import SpreadsheetImporter
from maillage.directory.stewardship.duplicates import find_duplicates


class Command(BaseCommand):
    help = "Importe un tableur au format du modèle de l’annuaire (CSV, « ; » ou « , »)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="fichier CSV rempli depuis le modèle")
        parser.add_argument(
            "--territory", help="identifiant du territoire (défaut : celui du pôle)"
        )

    def handle(self, *args, **options):
        importer = SpreadsheetImporter(territory_from(options["territory"]))
        try:
            run = importer.run(options["file"])
        except ImportRefused as refusal:
            raise CommandError(f"Import refusé, rien n’a été modifié : {refusal}") from refusal
        print_report(run, self.stdout)
        self.stdout.write(f"{find_duplicates()} doublon(s) probable(s) nouveau(x) à examiner.")
