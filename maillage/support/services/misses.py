"""Orientations that found no service, recorded anonymously and read back grouped: what the
offer leaves uncovered, for whoever collects the territory's needs (they read it here; this
app knows nothing of them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Max

from maillage.support.services import vocabularies as vocab
from maillage.support.services.enums import Sector
from maillage.support.services.models import OrientationMiss
from maillage.support.services.orientation import Answers


def record_miss(answers: Answers) -> OrientationMiss | None:
    """Keep the answers that describe the project; none given, nothing is learnt."""
    code = getattr(answers.commune, "code", "") or ""
    if not (answers.need or answers.sector or code):
        return None
    return OrientationMiss.objects.create(
        theme=answers.need, sector=answers.sector, commune_code=code
    )


@dataclass(frozen=True)
class MissGroup:
    theme: str
    theme_label: str
    sector_label: str
    commune_code: str
    times: int
    last_asked_on: date


def misses_since(since: date, limit: int = 200) -> list[MissGroup]:
    rows = (
        OrientationMiss.objects.filter(asked_on__gte=since)
        .values("theme", "sector", "commune_code")
        .annotate(times=Count("id"), last=Max("asked_on"))
        .order_by("-times", "theme", "sector", "commune_code")[:limit]
    )
    return [
        MissGroup(
            row["theme"],
            vocab.label(vocab.THEMATIQUES, row["theme"]) if row["theme"] else "",
            Sector(row["sector"]).label if row["sector"] in Sector.values else "",
            row["commune_code"],
            row["times"],
            row["last"],
        )
        for row in rows
    ]
