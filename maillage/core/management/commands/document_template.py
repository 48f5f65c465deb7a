from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from maillage.core.documents.odt import template


class Command(BaseCommand):
    help = (
        "Écrit le modèle ODT des rapports, à restyler dans LibreOffice puis à désigner par "
        "DOCUMENT_ODT_TEMPLATE."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("chemin", help="fichier .odt à écrire")

    def handle(self, *args: object, **options: object) -> None:
        path = Path(str(options["chemin"]))
        template().save(path)
        self.stdout.write(f"Modèle écrit dans {path}.")
