"""Preparing a SIRENE vintage: asked for (page or command), then run step by step with its
progress saved on the record, so that the staff page can follow it while the worker reads.

A refused stock (unreadable, truncated, already prepared) ends the record as failed with a
French message and leaves no folder behind (`sources/prepared.py` writes under a temporary
name)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from django.db import IntegrityError, transaction
from django.utils import timezone

from maillage.accounts.models import User
from maillage.core.french import number
from maillage.observatory.enums import RunStatus
from maillage.observatory.errors import SnapshotRefused
from maillage.observatory.models import PreparedVintage
from maillage.observatory.sources import prepared, sirene

STEPS = (
    "empreinte des fichiers",
    "familles des unités légales",
    "établissements triés par commune",
    "agrégats par département et par commune",
)


def request_preparation(
    establishments: Path, units: Path, data_date: date, user: User | None = None
) -> PreparedVintage:
    """Record the preparation; the caller runs it (command) or queues it (page)."""
    if PreparedVintage.objects.unfinished().exists():
        raise SnapshotRefused("Une préparation de millésime est déjà en cours : attendez sa fin.")
    return PreparedVintage.objects.create(
        data_date=data_date,
        establishments_path=str(establishments),
        units_path=str(units),
        source_name=f"{establishments.name}, {units.name}"[:500],
        requested_by=user,
    )


def _update(vintage: PreparedVintage, **fields: object) -> None:
    for name, value in fields.items():
        setattr(vintage, name, value)
    PreparedVintage.objects.filter(pk=vintage.pk).update(**fields)


def _progress(vintage: PreparedVintage) -> Callable[[str], None]:
    def say(step: str) -> None:
        _update(vintage, step=f"étape {STEPS.index(step) + 1} sur {len(STEPS)} : {step}")

    return say


def _already_prepared(checksum: str) -> None:
    done = PreparedVintage.objects.ready().filter(checksum=checksum).first()
    if done is not None:
        raise SnapshotRefused(
            f"Ces fichiers sont déjà préparés : « {done} », le "
            f"{timezone.localtime(done.prepared_at):%d/%m/%Y à %H:%M}."
        )


def prepare(vintage: PreparedVintage) -> PreparedVintage:
    """Read the stock once and write the vintage; refusals are recorded, then raised."""
    _update(vintage, status=RunStatus.RUNNING, started_at=timezone.now(), message="")
    say = _progress(vintage)
    establishments, units = Path(vintage.establishments_path), Path(vintage.units_path)
    try:
        for path in (establishments, units):
            if not path.is_file():
                raise SnapshotRefused(f"Fichier introuvable : « {path.name} ».")
        say(STEPS[0])
        checksum = sirene.checksum([establishments, units])
        _already_prepared(checksum)
        folder = f"{vintage.data_date:%Y-%m-%d}-{checksum[:12]}"
        stock = prepared.prepare_stock(
            [establishments],
            [units],
            prepared.vintages_dir() / folder,
            {
                "fichiers": [establishments.name, units.name],
                "empreinte_sha256": checksum,
                "date_du_millesime": vintage.data_date.isoformat(),
                "prepare_le": timezone.now().isoformat(timespec="seconds"),
            },
            say,
        )
        _finish(vintage, checksum, folder, stock.establishments)
    except SnapshotRefused as refusal:
        _update(vintage, status=RunStatus.FAILED, step="", message=str(refusal))
        raise
    except Exception as error:
        _update(vintage, status=RunStatus.FAILED, step="", message=f"Erreur inattendue : {error}")
        raise
    return vintage


def _finish(vintage: PreparedVintage, checksum: str, folder: str, establishments: int) -> None:
    try:
        with transaction.atomic():
            _update(
                vintage,
                status=RunStatus.SUCCEEDED,
                checksum=checksum,
                folder=folder,
                establishments=establishments,
                step="",
                message=f"{number(establishments)} établissements préparés.",
                prepared_at=timezone.now(),
            )
    except IntegrityError:
        # Prepared twice at once: the other run recorded the same files first.
        raise SnapshotRefused(
            "Ces fichiers viennent d’être préparés par un autre calcul."
        ) from None
