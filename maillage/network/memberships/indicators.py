"""What the memberships count for the activity report: members of the year by college."""

from __future__ import annotations

from django.db.models import Count, Q

from maillage.network.memberships.models import College, Membership
from maillage.plan.indicators import Figures, Indicator, Scope, Section
from maillage.plan.tallies import tally


def _colleges() -> dict[str, str]:
    return dict(College.objects.order_by("order", "name").values_list("slug", "name"))


def members(scope: Scope) -> Figures:
    """Memberships of the period's years in good standing (paid or waived), by college."""
    current = Membership.objects.filter(year__in=scope.period.years).in_good_standing()
    values = {slug: Count("pk", filter=Q(college__slug=slug)) for slug in _colleges()}
    return tally(current, values, scope, per_action=False)


INDICATORS = [
    Indicator(
        "memberships",
        "Adhésions à jour, par collège",
        "adhésions",
        Section.NETWORK,
        members,
        breakdown=_colleges,
        per_action=False,
        source="Adhésions de l’année payées ou exonérées.",
        position=4,
    ),
]
