"""Import the hub's spreadsheet (the `modele-annuaire.csv` template) for its territory."""

from typing import Any

from maillage.directory.enums import ImportKind
from maillage.directory.models import ImportRun
from maillage.directory.sources.commands import FileImportCommand
from maillage.directory.sources.spreadsheet import SpreadsheetImporter
from maillage.territory.models import Territory


class Command(FileImportCommand):
    help = "Importe un tableur au format du modèle de l’annuaire (CSV, « ; » ou « , »)."
    kind = ImportKind.SPREADSHEET
    file_help = "fichier CSV rempli depuis le modèle"

    def run_import(self, territory: Territory, options: dict[str, Any]) -> ImportRun:
        return SpreadsheetImporter(territory).run(options["file"])
