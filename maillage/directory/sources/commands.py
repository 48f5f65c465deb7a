"""What the import commands share: choosing the territory, resuming an interrupted run, printing
a run's report, and the command that imports one file."""

from __future__ import annotations

from argparse import ArgumentParser
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, OutputWrapper

from maillage.core.french import count, plural
from maillage.directory import map_clusters
from maillage.directory.enums import ImportKind
from maillage.directory.models import ImportRun
from maillage.directory.sources.errors import ImportRefused
from maillage.directory.sources.files import file_checksum
from maillage.directory.sources.runs import failures_recorded, into_run
from maillage.directory.stewardship.duplicates import find_duplicates, new_duplicates_message
from maillage.territory.models import Territory


def territory_from(slug: str | None) -> Territory:
    if slug:
        territory = Territory.objects.filter(slug=slug).first()
        if territory is None:
            raise CommandError(f"Territoire « {slug} » inconnu.")
        return territory
    territory = Territory.objects.default()
    if territory is None:
        raise CommandError(
            "Aucun territoire n’est chargé : lancez d’abord « manage.py import_territory »."
        )
    return territory


def resumable(run_id: int | None, kind: ImportKind, path: Path) -> list[ImportRun]:
    """The interrupted run that `--reprendre` names, checked against the file; [] without."""
    if run_id is None:
        return []
    run = ImportRun.objects.filter(pk=run_id, kind=kind).first()
    if run is None:
        raise CommandError(f"Aucun import n° {run_id} de cette source.")
    if not run.is_interrupted:
        raise CommandError(
            f"L’import n° {run_id} n’est pas interrompu (terminé, ou arrêté il y a moins de "
            "10 minutes) : rien à reprendre."
        )
    if not path.is_file() or (run.checksum and run.checksum != file_checksum(path)):
        raise CommandError(f"« {path} » n’est pas le fichier de l’import n° {run_id}.")
    return [run]


@contextmanager
def reported(*resumed: ImportRun) -> Iterator[None]:
    """Run an import as the upload page does: its runs recorded whatever happens, a refusal or
    an unexpected error said in French rather than as a traceback; a `resumed` run carries on
    after its last committed batch."""
    try:
        with failures_recorded() as begun, into_run(*resumed), map_clusters.counted_after():
            yield
    except ImportRefused as refusal:
        raise CommandError(f"Import refusé, rien n’a été modifié : {refusal}") from refusal
    except Exception as error:
        runs = ", ".join(f"n° {report.run.pk}" for report in begun)
        raise CommandError(
            f"L’import s’est arrêté sur une erreur inattendue ({type(error).__name__}) : les "
            f"lots déjà enregistrés sont gardés ; voir l’import {runs} dans la liste des imports."
        ) from error


def print_report(run: ImportRun, out: OutputWrapper, shown: int = 20) -> None:
    out.write(
        f"{run.get_kind_display()} – {run.file_name} : "
        f"{plural(run.rows_read, 'ligne lue', 'lignes lues')}, "
        f"{plural(run.rows_created, 'créée', 'créées')}, "
        f"{plural(run.rows_updated, 'mise', 'mises')} à jour, "
        f"{plural(run.rows_unchanged, 'inchangée', 'inchangées')}, "
        f"{plural(run.set_aside, 'écartée', 'écartées')} hors du territoire, "
        f"{plural(run.skipped_other, 'écartée', 'écartées')} hors ESS ou fermées, "
        f"{plural(run.rows_rejected, 'rejetée', 'rejetées')}, "
        f"{count(run.placed_on_map)} sur la carte, "
        f"{count(run.awaiting_geocoding)} en attente de géocodage"
        + (
            f", {plural(run.rows_withdrawn, 'masquée car absente', 'masquées car absentes')}"
            " de la source."
            if run.rows_withdrawn
            else "."
        )
    )
    if run.message:
        out.write(run.message)
    for rejection in run.rejections.all()[:shown]:
        out.write(f"  ligne {rejection.line} : {rejection.reason}")
    if run.rows_rejected > shown:
        others = plural(run.rows_rejected - shown, "autre", "autres")
        out.write(f"  … et {others} (voir l’import n° {run.pk}).")


class FileImportCommand(BaseCommand):
    """`manage.py import_<source> FILE [--territory] [--reprendre N]`: a subclass names its
    source's kind and file, adds its own options and runs its importer in `run_import`."""

    kind: ImportKind
    file_help: str
    looks_for_duplicates = True  # what the staff then review on the duplicates page

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path, help=self.file_help)
        parser.add_argument(
            "--territory", help="identifiant du territoire (défaut : celui du pôle)"
        )
        parser.add_argument(
            "--reprendre",
            type=int,
            metavar="N",
            help="reprendre l’import interrompu n° N après son dernier lot enregistré",
        )

    def run_import(self, territory: Territory, options: dict[str, Any]) -> ImportRun:
        raise NotImplementedError

    def handle(self, *args: Any, **options: Any) -> None:
        territory = territory_from(options["territory"])
        resumed = resumable(options["reprendre"], self.kind, options["file"])
        with reported(*resumed):
            run = self.run_import(territory, options)
        print_report(run, self.stdout)
        if self.looks_for_duplicates:
            self.stdout.write(new_duplicates_message(find_duplicates()))
