"""What other pages read of decisions."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from maillage.network.decisions import eligibility
from maillage.network.decisions.models import Proposal


def awaiting_voice_of(user) -> list[Proposal]:
    """Proposals open right now on which `user` may vote (as themselves or an organisation)."""
    return [
        proposal
        for proposal in Proposal.objects.accepting_votes().select_related("group")
        if eligibility.voters_for(user, proposal)
    ]


def closing_soon(days: int = 7, now: datetime | None = None) -> QuerySet[Proposal]:
    """Open proposals whose deadline falls within `days`, or has passed without the vote being
    closed yet (the closing job's work, late), the nearest deadline first."""
    now = now or timezone.now()
    return (
        Proposal.objects.open()
        .filter(deadline__lt=now + timedelta(days=days))
        .select_related("group")
        .order_by("deadline", "pk")
    )
