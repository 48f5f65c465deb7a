"""Whose memberships a signed-in person may see: their organisations' and their own."""

from __future__ import annotations

from django.db.models import Q

from maillage.accounts.models import AnyUser, User
from maillage.directory.models import LegalUnit
from maillage.network.memberships.models import Membership, MembershipQuerySet


def memberships_of_member(user: AnyUser) -> MembershipQuerySet:
    """Memberships a member may follow: of the organisations they represent, or their own.

    Only people with a member's account, current or lapsed (their own data): a partner
    representing an organisation sees none."""
    if not (isinstance(user, User) and user.has_member_account):
        return Membership.objects.none()
    return Membership.objects.filter(
        Q(legal_unit__in=LegalUnit.objects.represented_by(user).values("pk")) | Q(person__user=user)
    )


def memberships_visible_to(user: AnyUser) -> MembershipQuerySet:
    """Staff see every membership; a member sees theirs (see above); anyone else none."""
    if isinstance(user, User) and user.is_hub_staff:
        return Membership.objects.all()
    return memberships_of_member(user)
