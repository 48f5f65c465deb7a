"""Compute a snapshot: fill `facts` from a source, aggregate, record. One entry point per source.

A refused input (SnapshotRefused) writes nothing; the same input, territory, data date and
denominator give the same content hash, and computing it again returns the recorded snapshot.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
from django.utils import timezone

from maillage.observatory.enums import RunStatus, SourceKind
from maillage.observatory.errors import SnapshotRefused
from maillage.observatory.facts import counts
from maillage.observatory.facts.table import (
    facts_from_directory,
    facts_from_sirene,
    holds_all_sectors,
)
from maillage.observatory.figures import rows as figures
from maillage.observatory.figures.rows import FigureRow
from maillage.observatory.figures.store import Provenance, record_snapshot
from maillage.observatory.models import PreparedVintage, Snapshot
from maillage.observatory.sources import prepared, sirene
from maillage.observatory.sources.directory import family_overrides
from maillage.observatory.sources.reference_tables import create_brackets, create_naf
from maillage.observatory.sources.workspace import connect, create_communes
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


def _prepare(
    territory: Territory,
) -> tuple[duckdb.DuckDBPyConnection, list[Commune], dict[str, Any]]:
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
    reference_jobs: Decimal | None = None,
    wider: bool = False,
) -> list[FigureRow]:
    """Every row of a snapshot from the `facts` (and, for a file, `area_facts`) tables."""
    rows = [
        figures.territory_row(territory, counts.total(con), communes, all_sectors, reference_jobs)
    ]
    if wider:
        rows += figures.wider_area_rows(counts.by_departement(con), communes)
    rows += figures.family_rows(counts.by_family(con), all_sectors)
    rows += figures.section_rows(counts.by_section(con), all_sectors)
    rows += figures.division_rows(counts.by_division(con), all_sectors)
    rows += figures.commune_rows(counts.by_commune(con), communes, all_sectors)
    rows += figures.epci_rows(counts.by_epci(con), communes, all_sectors)
    rows += figures.size_rows(counts.by_size(con), all_sectors)
    return rows


def compute_from_directory(
    territory: Territory | None = None, data_date: date | None = None, is_demo: bool = False
) -> Snapshot:
    territory = _territory(territory)
    con, communes, definition = _prepare(territory)
    try:
        checksum = facts_from_directory(con, territory)
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
        sirene.open_files(con, establishments, units)
        sirene.create_unit_families(con)
        sirene.load_territory(con)
        facts_from_sirene(con)
        sirene.group_areas(con)
        sirene.area_facts(con)
        all_sectors = holds_all_sectors(con)
        names = [p.name for p in (*establishments, *units)]
        provenance = Provenance(
            SourceKind.SIRENE,
            ", ".join(names),
            sirene.checksum([*establishments, *units]),
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
        raise sirene.unreadable(error) from None
    finally:
        con.close()


def compute_from_vintage(vintage: PreparedVintage, territory: Territory | None = None) -> Snapshot:
    """The snapshot of a prepared vintage: the same figures, hash and provenance as from its
    stock files, read from the prepared data only. The territory's commune index decides
    whether the file holds every sector (part of the hash), so an identical snapshot is
    recognised before any establishment is read."""
    territory = _territory(territory)
    if vintage.status != RunStatus.SUCCEEDED:
        raise SnapshotRefused("Ce millésime n’est pas encore préparé.")
    con, communes, definition = _prepare(territory)
    try:
        sites, outside_ess = prepared.territory_sites_count(con, vintage.folder)
        if not sites:
            raise SnapshotRefused(sirene.NO_TERRITORY_SITES)
        provenance = Provenance(
            SourceKind.SIRENE,
            vintage.source_name,
            vintage.checksum,
            vintage.data_date,
            definition,
            METHOD_VERSION,
            False,
        )

        def rows(reference: Decimal | None) -> list[FigureRow]:
            prepared.load_vintage(con, vintage.folder)
            facts_from_sirene(con)
            sirene.area_facts(con)
            return figure_rows(con, territory, communes, outside_ess > 0, reference, wider=True)

        return record_snapshot(provenance, rows, all_sectors=outside_ess > 0, territory=territory)
    except duckdb.Error as error:
        raise sirene.unreadable(error) from None
    finally:
        con.close()
