"""Prepare a SIRENE vintage: read a national stock once, write what every snapshot reads."""

import time
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from maillage.core.french import number
from maillage.observatory.errors import SnapshotRefused
from maillage.observatory.vintages import prepare, request_preparation


class Command(BaseCommand):
    help = (
        "Prépare un millésime SIRENE : lit une fois le stock national et écrit les agrégats et "
        "les établissements triés par commune que liront les instantanés de ce millésime."
    )

    def add_arguments(self, parser):
        parser.add_argument("--etablissements", type=Path, required=True)
        parser.add_argument("--unites", type=Path, required=True)
        parser.add_argument("--millesime", type=date.fromisoformat, required=True)

    def handle(self, *args, **options):
        start = time.perf_counter()
        try:
            vintage = request_preparation(
                options["etablissements"], options["unites"], options["millesime"]
            )
            prepare(vintage)
        except SnapshotRefused as refusal:
            raise CommandError(str(refusal)) from None
        seconds = number(time.perf_counter() - start, 1)
        self.stdout.write(
            f"{vintage} préparé en {seconds} s : {number(vintage.establishments or 0)} "
            f"établissements, dossier « {vintage.folder} »."
        )
