"""Opening a proposal to votes, and closing it with its result computed once and stored.

Closing locks the proposal's row, so it waits for a voice being cast and no voice lands after
it; closing a closed proposal changes nothing. The stored result names no one: objections are
kept as the ids of their voices, whose reasons are read from the rows (and so disappear when
their author is erased).
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from maillage.network.decisions import eligibility
from maillage.network.decisions.enums import Choice, Outcome, ProposalStatus
from maillage.network.decisions.models import Proposal, Vote


class ProposalRefused(Exception):
    """A step of the process that cannot be taken; the message is for the staff member."""


def open_proposal(proposal: Proposal) -> Proposal:
    """Draft → open: votes start at `opens_at` if it is still ahead, else now."""
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        now = timezone.now()
        if not proposal.is_draft:
            raise ProposalRefused("Cette proposition n’est plus un brouillon.")
        if not proposal.is_consent and proposal.options.count() < 2:
            raise ProposalRefused("Un vote demande au moins deux options.")
        if proposal.opens_at is None or proposal.opens_at < now:
            proposal.opens_at = now
        if proposal.deadline <= proposal.opens_at:
            raise ProposalRefused("La date limite doit suivre l’ouverture du vote.")
        proposal.membership_year = timezone.localtime(proposal.opens_at).year
        proposal.status = ProposalStatus.OPEN
        proposal.save(update_fields=["opens_at", "membership_year", "status"])
        return proposal


def close_proposal(proposal: Proposal) -> bool:
    """Close an open proposal and store its result; False if it was not open."""
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if proposal.status != ProposalStatus.OPEN:
            return False
        proposal.result = compute_result(proposal)
        proposal.status = ProposalStatus.CLOSED
        proposal.closed_at = timezone.now()
        proposal.save(update_fields=["result", "status", "closed_at"])
        return True


def close_due_proposals(now: datetime | None = None) -> int:
    """Close every open proposal past its deadline; return how many this run closed."""
    due = Proposal.objects.due(now).values_list("pk", flat=True)
    return sum(close_proposal(Proposal(pk=pk)) for pk in list(due))


def compute_result(proposal: Proposal) -> dict[str, Any]:
    votes = list(proposal.votes.select_related("option"))
    eligible = eligibility.electorate(proposal).count()
    needed = math.ceil(proposal.quorum_percent * eligible / 100)
    counts = _counts(proposal, votes)
    result: dict[str, Any] = {
        "eligible": eligible,
        "voices": len(votes),
        "quorum_percent": proposal.quorum_percent,
        "quorum_needed": needed,
        "quorum_reached": len(votes) >= needed,
        "weighted": proposal.weighted,
        "counts": counts,
        "objections": [vote.pk for vote in votes if vote.choice == Choice.OBJECTION],
    }
    result.update(_outcome(proposal, result, votes))
    return result


def _counts(proposal: Proposal, votes: list[Vote]) -> list[dict[str, Any]]:
    """One row per option (or consent position), then abstentions, in the page's order."""
    if proposal.is_consent:
        keys = [(choice.value, choice.label) for choice in Choice]
    else:
        keys = [(f"option-{option.pk}", option.label) for option in proposal.options.all()]
        keys.append((Choice.ABSTENTION.value, Choice.ABSTENTION.label))
    number: dict[str, int] = defaultdict(int)
    weight: dict[str, Decimal] = defaultdict(Decimal)
    for vote in votes:
        key = f"option-{vote.option_id}" if vote.option_id else vote.choice
        number[key] += 1
        weight[key] += vote.weight
    return [
        {"key": key, "label": label, "count": number[key], "weight": str(weight[key])}
        for key, label in keys
    ]


def _outcome(proposal: Proposal, result: dict[str, Any], votes: list[Vote]) -> dict[str, str]:
    expressed = [row for row in result["counts"] if row["key"] != Choice.ABSTENTION]
    if not votes:
        return {"outcome": Outcome.NO_VOICE.value, "chosen": ""}
    if not result["quorum_reached"]:
        return {"outcome": Outcome.NO_QUORUM.value, "chosen": ""}
    if proposal.is_consent:
        outcome = Outcome.OBJECTED if result["objections"] else Outcome.ADOPTED
        return {"outcome": outcome.value, "chosen": ""}
    best = max(Decimal(row["weight"]) for row in expressed)
    leaders = [row for row in expressed if Decimal(row["weight"]) == best]
    if best == 0 or len(leaders) > 1:
        return {"outcome": Outcome.TIE.value if best else Outcome.NO_VOICE.value, "chosen": ""}
    return {"outcome": Outcome.OPTION_CHOSEN.value, "chosen": leaders[0]["label"]}
