"""What other apps read of the partners' service offer: what waits for the staff's validation."""

from __future__ import annotations

from maillage.support.services.models import Service


def awaiting_validation_count() -> int:
    """Services (new ones, or partners' revisions of published ones) staff have to validate."""
    return Service.objects.awaiting_validation().count()
