"""Write a snapshot and its figures in one transaction, or return the one already recorded."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction

from maillage.observatory.enums import Denominator, Indicator, SourceKind
from maillage.observatory.figures.rows import FigureRow
from maillage.observatory.models import Figure, ReferenceFigure, Snapshot
from maillage.territory.models import Territory


@dataclass(frozen=True)
class Provenance:
    source_kind: SourceKind
    source_name: str
    checksum: str
    data_date: date
    territory_definition: dict[str, Any]
    method_version: str
    is_demo: bool
    # Organisations whose family staff decided against the rule (directory source only).
    family_overrides: int = 0


def reference_jobs(territory: Territory) -> ReferenceFigure | None:
    """The all-sector salaried jobs entered for the territory, latest vintage first."""
    return (
        ReferenceFigure.objects.filter(indicator=Indicator.ALL_JOBS, area_code=territory.slug)
        .order_by("-data_year", "-pk")
        .first()
    )


def denominator_of(
    all_sectors: bool, territory: Territory
) -> tuple[Denominator, str, Decimal | None]:
    if all_sectors:
        return (
            Denominator.SAME_FILE,
            "Emplois salariés estimés de tous les établissements du fichier",
            None,
        )
    reference = reference_jobs(territory)
    if reference is None:
        return Denominator.NONE, "", None
    note = f"{reference.publication} ({reference.producer}, données {reference.data_year})"
    return Denominator.REFERENCE, note[:500], reference.value


def content_hash(provenance: Provenance, denominator: Denominator, value: Decimal | None) -> str:
    payload: dict[str, object] = {
        "source": provenance.source_kind.value,
        "checksum": provenance.checksum,
        "data_date": provenance.data_date.isoformat(),
        "territory": provenance.territory_definition,
        "method": provenance.method_version,
        "denominator": denominator.value,
        "denominator_value": str(value) if value is not None else None,
        "demo": provenance.is_demo,
    }
    if provenance.family_overrides:  # absent before the count existed: older hashes hold
        payload["family_overrides"] = provenance.family_overrides
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


FIGURE_VALUES = (
    "dimension", "key", "label", "level", "parent", "position", "establishments", "employers",
    "jobs_low", "jobs_mid", "jobs_high", "unknown_brackets", "known_headcounts", "hidden",
    "all_establishments", "all_jobs", "population",
)  # fmt: skip


def figures_digest(snapshot: Snapshot) -> str:
    """SHA-256 of every figure of a snapshot: two computations agree when their digests do."""
    rows = snapshot.figures.order_by("dimension", "key").values_list(*FIGURE_VALUES)
    return hashlib.sha256(json.dumps([list(r) for r in rows], default=str).encode()).hexdigest()


def figure_of(snapshot: Snapshot, row: FigureRow) -> Figure:
    counts = row.counts
    return Figure(
        snapshot=snapshot,
        dimension=row.dimension,
        key=row.key,
        label=row.label[:300],
        level=row.level,
        parent=row.parent,
        position=row.position,
        establishments=counts.establishments,
        employers=counts.employers,
        jobs_low=counts.jobs_low,
        jobs_mid=counts.jobs_mid,
        jobs_high=counts.jobs_high,
        unknown_brackets=counts.unknown_brackets,
        known_headcounts=counts.known_headcounts,
        hidden=counts.hidden,
        all_establishments=row.all_establishments,
        all_jobs=row.all_jobs,
        population=row.population,
    )


def record_snapshot(
    provenance: Provenance,
    compute_rows: Callable[[Decimal | None], list[FigureRow]],
    all_sectors: bool,
    territory: Territory,
) -> Snapshot:
    denominator, note, value = denominator_of(all_sectors, territory)
    digest = content_hash(provenance, denominator, value)
    existing = Snapshot.objects.filter(content_hash=digest).first()
    if existing is not None:
        return existing
    rows = compute_rows(value)
    try:
        with transaction.atomic():
            snapshot = Snapshot.objects.create(
                source_kind=provenance.source_kind,
                source_name=provenance.source_name[:500],
                checksum=provenance.checksum,
                data_date=provenance.data_date,
                territory_name=provenance.territory_definition["name"],
                territory_definition=provenance.territory_definition,
                method_version=provenance.method_version,
                content_hash=digest,
                family_overrides=provenance.family_overrides,
                denominator=denominator,
                denominator_note=note,
            )
            Figure.objects.bulk_create([figure_of(snapshot, row) for row in rows])
    except IntegrityError:
        # Computed twice at once: the other run recorded the same figures first.
        return Snapshot.objects.get(content_hash=digest)
    return snapshot
