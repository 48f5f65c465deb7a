"""Compute an observatory snapshot from the directory, from SIRENE stock files or from a
prepared SIRENE vintage (`prepare_vintage`)."""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from maillage.core.french import plural
from maillage.observatory.enums import Dimension
from maillage.observatory.errors import SnapshotRefused
from maillage.observatory.figures.compute import (
    compute_from_directory,
    compute_from_sirene,
    compute_from_vintage,
)
from maillage.observatory.models import PreparedVintage
from maillage.observatory.presentation.pages import paragraph


class Command(BaseCommand):
    help = (
        "Calcule un instantané de l’observatoire (annuaire, stock SIRENE ou millésime SIRENE "
        "préparé)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--source", choices=["directory", "sirene", "millesime"], required=True)
        parser.add_argument("--etablissements", type=Path, action="append", default=[])
        parser.add_argument("--unites", type=Path, action="append", default=[])
        parser.add_argument("--data-date", type=date.fromisoformat, default=None)
        parser.add_argument(
            "--millesime", type=date.fromisoformat, help="date d’un millésime préparé"
        )

    def handle(self, *args, **options):
        try:
            if options["source"] == "directory":
                snapshot = compute_from_directory(data_date=options["data_date"])
            elif options["source"] == "millesime":
                snapshot = compute_from_vintage(self._vintage(options["millesime"]))
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

    def _vintage(self, day: date | None) -> PreparedVintage:
        vintage = PreparedVintage.objects.ready().filter(data_date=day).latest_first().first()
        if day is None or vintage is None:
            raise CommandError("Aucun millésime préparé à cette date : voyez prepare_vintage.")
        return vintage
