"""Writing a proposal before it opens: its text, its rules and the options of a vote."""

from __future__ import annotations

from django.db import transaction

from maillage.accounts.models import User
from maillage.network.decisions.closing import ProposalRefused
from maillage.network.decisions.models import Option, Proposal


@transaction.atomic
def save_draft(proposal: Proposal, options: list[str], by: User | None = None) -> Proposal:
    """Save a new or draft proposal and replace its options; an opened one stays as voted."""
    if proposal.pk:
        stored = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if not stored.is_draft:
            raise ProposalRefused("Une proposition ouverte ou close ne se modifie plus.")
    elif by is not None:
        proposal.created_by = by
    proposal.save()
    proposal.options.all().delete()
    Option.objects.bulk_create(
        [Option(proposal=proposal, label=label, order=n) for n, label in enumerate(options)]
    )
    return proposal
