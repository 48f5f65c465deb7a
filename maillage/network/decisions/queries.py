"""What other pages read of decisions."""

from __future__ import annotations

from django.db.models import QuerySet

from maillage.network.decisions import eligibility
from maillage.network.decisions.models import Proposal


def decisions_of_group(group) -> QuerySet[Proposal]:
    """A working group's open and closed proposals, the latest deadline first."""
    return Proposal.objects.published().filter(group=group).order_by("-deadline", "-pk")


def awaiting_voice_of(user) -> list[Proposal]:
    """Proposals open right now on which `user` may vote (as themselves or an organisation)."""
    return [
        proposal
        for proposal in Proposal.objects.accepting_votes().select_related("group")
        if eligibility.voters_for(user, proposal)
    ]
