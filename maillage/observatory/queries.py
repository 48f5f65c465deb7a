"""What other apps read of the observatory: the key figures of the latest snapshot, with their
source (the activity report quotes them)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from maillage.observatory.enums import Dimension
from maillage.observatory.presentation.pages import latest_snapshot, territory_figure


@dataclass(frozen=True)
class KeyFigures:
    territory: str
    establishments: int
    employers: int
    jobs: Decimal
    job_share: Decimal | None
    # Per family of the ESS: (label, establishments, jobs).
    families: list[tuple[str, int, Decimal]]
    source: str


def key_figures() -> KeyFigures | None:
    """The territory's figures in the latest snapshot; None before any computation."""
    snapshot = latest_snapshot()
    area = territory_figure(snapshot) if snapshot is not None else None
    if snapshot is None or area is None:
        return None
    families = [
        (figure.label, figure.establishments, figure.jobs_mid)
        for figure in snapshot.figures.of(Dimension.FAMILY)
    ]
    source = (
        f"Observatoire du pôle : {snapshot.get_source_kind_display().lower()} "
        f"({snapshot.source_name}), données au {snapshot.data_date:%d/%m/%Y}, "
        f"méthode {snapshot.method_version}."
    )
    return KeyFigures(
        territory=snapshot.territory_name,
        establishments=area.establishments,
        employers=area.employers,
        jobs=area.jobs_mid,
        job_share=area.job_share,
        families=families,
        source=source,
    )
