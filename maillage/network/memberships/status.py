"""Move a membership between statuses by hand: waive it, cancel it, reopen it."""

from __future__ import annotations

from django.db import transaction

from maillage.network.memberships.enums import TRANSITIONS, MembershipStatus
from maillage.network.memberships.errors import MembershipError
from maillage.network.memberships.hub_members import sync_hub_member_flags
from maillage.network.memberships.models import Membership


def allowed_statuses(membership: Membership) -> list[MembershipStatus]:
    return [MembershipStatus(status) for status in TRANSITIONS[membership.status]]


def change_status(membership: Membership, status: MembershipStatus) -> Membership:
    with transaction.atomic():
        membership = Membership.objects.select_for_update().get(pk=membership.pk)
        if status not in TRANSITIONS[membership.status]:
            raise MembershipError(
                f"Une adhésion « {membership.get_status_display().lower()} » ne peut pas passer "
                f"à « {MembershipStatus(status).label.lower()} »."
            )
        membership.status = status
        membership.save(update_fields=["status"])
    sync_hub_member_flags([membership.legal_unit_id])
    return membership
