"""What other apps read of the support journeys: what waits on the staff's side."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from maillage.support.journeys.enums import ReferralStatus
from maillage.support.journeys.models import NextStep, Referral


def referrals_awaiting_partner() -> QuerySet[Referral]:
    """Referrals sent and not yet answered by the partner, the oldest first."""
    return (
        Referral.objects.filter(status=ReferralStatus.SENT)
        .select_related("case", "service", "service__provider")
        .order_by("sent_on", "pk")
    )


def next_steps_due(today: date | None = None) -> QuerySet[NextStep]:
    """Next steps not done whose date has come (today or overdue), of open cases, oldest first."""
    return (
        NextStep.objects.due_by(today or timezone.localdate())
        .filter(case__closed_on__isnull=True)
        .select_related("case", "assigned_to")
        .order_by("due_on", "pk")
    )
