"""Import the RNA `waldec` file for the hub's territory."""

from pathlib import Path

from django.core.management.base import BaseCommand

from maillage.directory.enums import ImportKind
from maillage.directory.sources.commands import (
    print_report,
    reported,
    resumable,
    territory_from,
)
from maillage.directory.sources.rna import RnaImporter


class Command(BaseCommand):
    help = "Importe les associations du territoire depuis le fichier RNA « waldec »."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="fichier waldec (CSV séparé par « ; »)")
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
        importer = RnaImporter(territory_from(options["territory"]))
        resumed = resumable(options["reprendre"], ImportKind.RNA, options["file"])
        with reported(*resumed):
            run = importer.run(options["file"])
        print_report(run, self.stdout)
