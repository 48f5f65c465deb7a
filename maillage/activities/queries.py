"""What other apps read of the activities."""

from __future__ import annotations

from maillage.activities.models import Activity


def upcoming_in_commune(commune, limit: int = 5) -> list[Activity]:
    """The next public activities held in `commune` (for the observatory's commune page)."""
    return list(
        Activity.objects.public().upcoming().in_commune(commune).select_related("commune")[:limit]
    )
