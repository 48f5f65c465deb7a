"""Counts by year and category, computed from the membership rows."""

from __future__ import annotations

from django.db.models import Count, Q, Sum

from maillage.network.memberships.enums import GOOD_STANDING, MembershipStatus
from maillage.network.memberships.models import MembershipQuerySet


def counts_by_year_and_category(memberships: MembershipQuerySet) -> list[dict]:
    """One row per (year, category): memberships (cancelled ones aside), in good standing,
    pending, and the dues received."""
    return list(
        memberships.not_cancelled()
        .order_by()
        .values("year", "category")
        .annotate(
            total=Count("pk"),
            good_standing=Count("pk", filter=Q(status__in=GOOD_STANDING)),
            pending=Count("pk", filter=Q(status=MembershipStatus.PENDING)),
            received=Sum("paid_amount", filter=Q(status=MembershipStatus.PAID), default=0),
        )
        .order_by("-year", "category")
    )
