"""What the import commands share: choosing the territory and printing a run's report."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.management.base import CommandError, OutputWrapper

from maillage.directory.models import ImportRun
from maillage.directory.sources.errors import ImportRefused
from maillage.directory.sources.runs import failures_recorded
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


@contextmanager
def reported() -> Iterator[None]:
    """Run an import as the upload page does: its runs recorded whatever happens, a refusal or
    an unexpected error said in French rather than as a traceback."""
    try:
        with failures_recorded() as begun:
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
        f"{run.get_kind_display()} – {run.file_name} : {run.rows_read} ligne(s) lue(s), "
        f"{run.rows_created} créée(s), {run.rows_updated} mise(s) à jour, "
        f"{run.rows_unchanged} inchangée(s), {run.set_aside} écartée(s) hors du territoire, "
        f"{run.skipped_other} écartée(s) hors ESS ou fermée(s), {run.rows_rejected} rejetée(s), "
        f"{run.placed_on_map} sur la carte, {run.awaiting_geocoding} en attente de géocodage"
        + (
            f", {run.rows_withdrawn} masquée(s) car absente(s) de la source."
            if run.rows_withdrawn
            else "."
        )
    )
    if run.message:
        out.write(run.message)
    for rejection in run.rejections.all()[:shown]:
        out.write(f"  ligne {rejection.line} : {rejection.reason}")
    if run.rows_rejected > shown:
        out.write(f"  … et {run.rows_rejected - shown} autre(s) (voir l’import n° {run.pk}).")
