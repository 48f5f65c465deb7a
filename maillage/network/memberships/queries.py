"""What other apps read of the memberships: the renewals and payments waiting on staff."""

from __future__ import annotations

from dataclasses import dataclass

from maillage.network.memberships.enums import MembershipStatus
from maillage.network.memberships.models import JoinRequest, Membership
from maillage.network.memberships.renewal import not_renewed


@dataclass(frozen=True)
class MembershipsDue:
    year: int
    not_renewed: int  # last year's members with no membership this year
    awaiting_payment: int  # this year's memberships not paid yet


def memberships_due(year: int) -> MembershipsDue:
    return MembershipsDue(
        year=year,
        not_renewed=not_renewed(year).count(),
        awaiting_payment=Membership.objects.of_year(year)
        .filter(status=MembershipStatus.PENDING)
        .count(),
    )


def join_requests_waiting() -> int:
    """Requests from the « Devenir adhérent » page no one has answered yet."""
    return JoinRequest.objects.pending().count()
