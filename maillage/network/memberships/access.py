"""The one rule of members-only access: a membership in good standing (paid or waived) of
the person, or of an organisation they represent or belong to, for the current year; last
year's still counts for MEMBERSHIP_GRACE_DAYS after the year ends, while renewals come in.

Registered in the ground (`accounts.membership_access`) so every app asks it through
`user.is_member`; see docs/adr/0018-membership-access.md.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import Enum

from django.conf import settings
from django.db.models import Q

from maillage.accounts.models import User
from maillage.directory.models import LegalUnit
from maillage.network.memberships.models import Membership, MembershipQuerySet
from maillage.network.people.models import Affiliation


class Standing(Enum):
    CURRENT = "current"  # a membership of this year
    GRACE = "grace"  # only last year's, within the grace period
    LAPSED = "lapsed"  # memberships of earlier years only
    NONE = "none"  # never a member


def grace_days() -> int:
    return int(getattr(settings, "MEMBERSHIP_GRACE_DAYS", 60))


def years_counted(today: date) -> list[int]:
    """The membership years that give access on `today`."""
    grace_ends = date(today.year - 1, 12, 31) + timedelta(days=grace_days())
    return [today.year, today.year - 1] if today <= grace_ends else [today.year]


def memberships_of_user(user: User, today: date) -> MembershipQuerySet:
    """Every membership in good standing of the user's person or organisations."""
    people = Affiliation.objects.filter(
        Q(until__isnull=True) | Q(until__gte=today), person__user=user, person__is_erased=False
    )
    return Membership.objects.in_good_standing().filter(
        Q(person__user=user, person__is_erased=False)
        | Q(legal_unit__in=LegalUnit.objects.represented_by(user).values("pk"))
        | Q(legal_unit__in=people.values("legal_unit"))
    )


def holds_current_membership(user: User, today: date) -> bool:
    return memberships_of_user(user, today).filter(year__in=years_counted(today)).exists()


def standing_of(user: User, today: date) -> Standing:
    years = set(memberships_of_user(user, today).values_list("year", flat=True).distinct())
    if today.year in years:
        return Standing.CURRENT
    if years & set(years_counted(today)):
        return Standing.GRACE
    return Standing.LAPSED if years else Standing.NONE
