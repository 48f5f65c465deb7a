"""Import the RNA `waldec` file for the hub's territory."""

from pathlib import Path

from django.core.management.base import BaseCommand

from maillage.directory.sources.commands import print_report, reported, territory_from
from maillage.directory.sources.rna import RnaImporter


class Command(BaseCommand):
    help = "Importe les associations du territoire depuis le fichier RNA « waldec »."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="fichier waldec (CSV séparé par « ; »)")
        parser.add_argument(
            "--territory", help="identifiant du territoire (défaut : celui du pôle)"
        )

    def handle(self, *args, **options):
        importer = RnaImporter(territory_from(options["territory"]))
        with reported():
            run = importer.run(options["file"])
        print_report(run, self.stdout)
