"""Import the RNA `waldec` file for the hub's territory."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from maillage.directory.sources.commands import print_report, territory_from
from maillage.directory.sources.errors import ImportRefused
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
        try:
            run = importer.run(options["file"])
        except ImportRefused as refusal:
            raise CommandError(f"Import refusé, rien n’a été modifié : {refusal}") from refusal
        print_report(run, self.stdout)
