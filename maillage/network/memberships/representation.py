"""Whose memberships a signed-in person may see: their organisations' and their own."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from maillage.directory.models import Claim, LegalUnit
from maillage.network.memberships.models import Membership, MembershipQuerySet


def legal_units_represented_by(user) -> QuerySet[LegalUnit]:
    """The organisations whose claim by `user` the staff approved."""
    claims = Claim.objects.approved().filter(user=user).values("legal_unit")
    return LegalUnit.objects.filter(pk__in=claims)


def memberships_of_member(user) -> MembershipQuerySet:
    """Memberships a member may follow: of the organisations they represent, or their own.

    Only people with the member role: a partner representing an organisation sees none."""
    if not (user.is_authenticated and user.is_member):
        return Membership.objects.none()
    return Membership.objects.filter(
        Q(legal_unit__in=legal_units_represented_by(user).values("pk")) | Q(person__user=user)
    )


def memberships_visible_to(user) -> MembershipQuerySet:
    """Staff see every membership; a member sees theirs (see above); anyone else none."""
    if user.is_authenticated and user.is_hub_staff:
        return Membership.objects.all()
    return memberships_of_member(user)
