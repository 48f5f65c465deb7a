"""What other apps read of the memberships: the renewals and payments waiting on staff, the
board of a year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from maillage.network.memberships.enums import MembershipStatus
from maillage.network.memberships.models import BoardSeat, JoinRequest, Membership
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


def board_during(first: date, last: date) -> QuerySet[BoardSeat]:
    """The seats held between `first` and `last`, bureau first; an erased person's seat is
    left out (the report names board members, and that person no more)."""
    return (
        BoardSeat.objects.during(first, last)
        .filter(person__is_erased=False)
        .select_related("person", "college")
        .in_board_order()
    )
