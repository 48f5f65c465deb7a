"""What the decisions count for the activity report: proposals decided during the period."""

from __future__ import annotations

from django.db.models import Count, Q

from maillage.network.decisions.enums import ProposalStatus
from maillage.network.decisions.models import Proposal
from maillage.plan.indicators import TOTAL, Figures, Indicator, Scope, Section
from maillage.plan.tallies import tally

WHOLE_MEMBERSHIP = "whole_membership"
GROUP = "group"


def decisions(scope: Scope) -> Figures:
    start, end = scope.period.moments
    closed = Proposal.objects.filter(
        status=ProposalStatus.CLOSED, closed_at__gte=start, closed_at__lt=end
    )
    values = {
        TOTAL: Count("pk"),
        WHOLE_MEMBERSHIP: Count("pk", filter=Q(group__isnull=True)),
        GROUP: Count("pk", filter=Q(group__isnull=False)),
    }
    return tally(closed, values, scope, through="group")


INDICATORS = [
    Indicator(
        "decisions",
        "Décisions prises",
        "décisions",
        Section.NETWORK,
        decisions,
        breakdown=lambda: {
            WHOLE_MEMBERSHIP: "Par l’ensemble des adhérents",
            GROUP: "Par un groupe de travail",
        },
        source="Propositions closes pendant la période (consentement ou vote).",
        position=3,
    ),
]
