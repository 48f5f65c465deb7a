"""Compute an observatory snapshot from the directory or from SIRENE stock files."""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from maillage.core.french import plural
from maillage.observatory.enums import Dimension
from maillage.observatory.errors import SnapshotRefused
from maillage.observatory.figures.compute import compute_from_directory, compute_from_sirene
from maillage.observatory.presentation.pages import paragraph


class Command(BaseCommand):
    help = "Calcule un instantané de l’observatoire (annuaire ou stock SIRENE)."

    def add_arguments(self, parser):
        parser.add_argument("--source", choices=["directory", "sirene"], required=True)
        parser.add_argument("--etablissements", type=Path, action="append", default=[])
        parser.add_argument("--unites", type=Path, action="append", default=[])
        parser.add_argument("--data-date", type=date.fromisoformat, default=None)

    def handle(self, *args, **options):
        try:
            if options["source"] == "directory":
                snapshot = compute_from_directory(data_date=options["data_date"])
            else:
                snapshot = compute_from_sirene(
                    options["etablissements"], options["unites"], options["data_date"]
                )
        except SnapshotRefused as refusal:
            raise CommandError(str(refusal)) from None
        rows = snapshot.figures.filter(dimension=Dimension.AREA).count()
        self.stdout.write(
            f"Instantané n° {snapshot.pk} ({snapshot}), {plural(rows, 'zone', 'zones')}."
        )
        self.stdout.write(paragraph(snapshot))
