"""Import the RNA `waldec` file for the hub's territory."""

from typing import Any

from maillage.directory.enums import ImportKind
from maillage.directory.models import ImportRun
from maillage.directory.sources.commands import FileImportCommand
from maillage.directory.sources.rna import RnaImporter
from maillage.territory.models import Territory


class Command(FileImportCommand):
    help = "Importe les associations du territoire depuis le fichier RNA « waldec »."
    kind = ImportKind.RNA
    file_help = "fichier waldec (CSV séparé par « ; »)"
    looks_for_duplicates = False

    def run_import(self, territory: Territory, options: dict[str, Any]) -> ImportRun:
        return RnaImporter(territory).run(options["file"])
