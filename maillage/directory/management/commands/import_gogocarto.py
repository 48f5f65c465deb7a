"""Import a GoGoCarto JSON export for the hub's territory."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from maillage.directory.enums import ImportKind
from maillage.directory.models import ImportRun
from maillage.directory.sources.commands import FileImportCommand
from maillage.directory.sources.gogocarto import GogocartoImporter
from maillage.territory.models import Territory


class Command(FileImportCommand):
    help = "Importe les structures du territoire depuis un export JSON de GoGoCarto."
    kind = ImportKind.GOGOCARTO
    file_help = "export JSON des éléments"

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--taxonomie", type=Path, help="export JSON de la taxonomie")
        parser.add_argument(
            "--partiel",
            action="store_true",
            help="export d’une partie de la carte : ne pas masquer les structures absentes",
        )

    def run_import(self, territory: Territory, options: dict[str, Any]) -> ImportRun:
        return GogocartoImporter(territory).run(
            options["file"], options["taxonomie"], complete=not options["partiel"]
        )
