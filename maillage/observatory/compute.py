"""Compute a snapshot: fill `facts` from a source, aggregate, record. One entry point per source.

A refused input (SnapshotRefused) writes nothing; the same input, territory, data date and
denominator give the same content hash, and computing it again returns the recorded snapshot.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
from django.utils import timezone

from maillage.observatory import aggregate, figures, sirene_source
from maillage.observatory.directory_source import family_overrides, load_directory
from maillage.observatory.enums import SourceKind
from maillage.observatory.errors import SnapshotRefused
from maillage.observatory.facts import connect, create_communes
from maillage.observatory.figures import FigureRow
from maillage.observatory.models import Snapshot
from maillage.observatory.record import Provenance, record_snapshot
from maillage.observatory.reference_tables import create_brackets, create_naf
from maillage.territory.models import Commune, Territory
from maillage.territory.queries import current_territory

METHOD_VERSION = "1.0"


@dataclass(frozen=True)
class Computed:
    rows: list[FigureRow]
    all_sectors: bool


def _territory(territory: Territory | None) -> Territory:
    territory = territory or current_territory()
    if territory is None:
        raise SnapshotRefused("Aucun territoire n’est configuré : chargez d’abord le territoire.")
    return territory


def _prepare(territory: Territory) -> tuple[duckdb.DuckDBPyConnection, list[Commune], dict]:
    communes = list(
        Commune.objects.in_territory(territory).select_related("epci", "departement__region")
    )
    if not communes:
        raise SnapshotRefused(f"Le territoire « {territory.name} » ne compte aucune commune.")
    con = connect()
    codes = create_communes(con, territory)
    create_brackets(con)
    create_naf(con)
    definition = {
        "name": territory.name,
        "slug": territory.slug,
        "communes": sorted(c.code for c in communes),
        "old_codes": {k: v for k, v in sorted(codes.items()) if k != v},
    }
    return con, communes, definition


def figure_rows(
    con: duckdb.DuckDBPyConnection,
    territory: Territory,
    communes: list[Commune],
    all_sectors: bool,
    reference_jobs=None,
    wider: bool = False,
) -> list[FigureRow]:
    """Every row of a snapshot from the `facts` (and, for a file, `area_facts`) tables."""
    rows = [
        figures.territory_row(
            territory, aggregate.total(con), communes, all_sectors, reference_jobs
        )
    ]
    if wider:
        rows += figures.wider_area_rows(aggregate.by_departement(con), communes)
    rows += figures.family_rows(aggregate.by_family(con), all_sectors)
    rows += figures.section_rows(aggregate.by_section(con), all_sectors)
    rows += figures.division_rows(aggregate.by_division(con), all_sectors)
    rows += figures.commune_rows(aggregate.by_commune(con), communes, all_sectors)
    rows += figures.epci_rows(aggregate.by_epci(con), communes, all_sectors)
    rows += figures.size_rows(aggregate.by_size(con), all_sectors)
    return rows


def compute_from_directory(
    territory: Territory | None = None, data_date: date | None = None, is_demo: bool = False
) -> Snapshot:
    territory = _territory(territory)
    con, communes, definition = _prepare(territory)
    try:
        checksum = load_directory(con, territory)
        provenance = Provenance(
            SourceKind.DIRECTORY,
            "Annuaire de la plateforme",
            checksum,
            data_date or timezone.localdate(),
            definition,
            METHOD_VERSION,
            is_demo,
            family_overrides(territory),
        )
        return record_snapshot(
            provenance,
            lambda reference: figure_rows(con, territory, communes, False, reference),
            all_sectors=False,
            territory=territory,
        )
    finally:
        con.close()


def compute_from_sirene(
    establishments: Sequence[Path],
    units: Sequence[Path],
    data_date: date | None = None,
    territory: Territory | None = None,
) -> Snapshot:
    territory = _territory(territory)
    if not establishments or not units:
        raise SnapshotRefused("Donnez le fichier des établissements et celui des unités légales.")
    con, communes, definition = _prepare(territory)
    try:
        sirene_source.open_files(con, establishments, units)
        sirene_source.create_unit_families(con)
        sirene_source.load_territory(con)
        sirene_source.area_facts(con)
        all_sectors = sirene_source.holds_all_sectors(con)
        names = [p.name for p in (*establishments, *units)]
        provenance = Provenance(
            SourceKind.SIRENE,
            ", ".join(names),
            sirene_source.checksum([*establishments, *units]),
            data_date or timezone.localdate(),
            definition,
            METHOD_VERSION,
            False,
        )
        return record_snapshot(
            provenance,
            lambda reference: figure_rows(
                con, territory, communes, all_sectors, reference, wider=True
            ),
            all_sectors=all_sectors,
            territory=territory,
        )
    except duckdb.Error as error:
        raise sirene_source.unreadable(error) from None
    finally:
        con.close()
