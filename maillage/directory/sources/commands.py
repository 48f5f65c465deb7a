"""What the import commands share: choosing the territory and printing a run's report."""

from __future__ import annotations

from django.core.management.base import CommandError, OutputWrapper

from maillage.directory.models import ImportRun
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


def print_report(run: ImportRun, out: OutputWrapper, shown: int = 20) -> None:
    out.write(
        f"{run.get_kind_display()} – {run.file_name} : {run.rows_read} ligne(s) lue(s), "
        f"{run.rows_created} créée(s), {run.rows_updated} mise(s) à jour, "
        f"{run.rows_unchanged} inchangée(s), {run.rows_skipped} écartée(s) "
        f"(hors territoire, hors ESS ou fermées), {run.rows_rejected} rejetée(s)"
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
