"""A member's own page: their organisations' memberships, status and receipts."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone

from maillage.accounts.enums import Role
from maillage.accounts.permissions import role_required
from maillage.core.collation import by_name
from maillage.directory.models import LegalUnit
from maillage.network.memberships.access import Standing, standing_of
from maillage.network.memberships.representation import memberships_of_member


@role_required(Role.MEMBER)
def my_membership(request):
    memberships = (
        memberships_of_member(request.user).with_member().order_by("-year", "legal_unit__name")
    )
    year = timezone.localdate().year
    units = LegalUnit.objects.represented_by(request.user).order_by(by_name(), "pk")
    current = {m.legal_unit_id for m in memberships if m.year == year and m.legal_unit_id}
    standing = standing_of(request.user, timezone.localdate())
    context = {
        "standing_renew": standing in (Standing.GRACE, Standing.LAPSED, Standing.NONE),
        "standing_grace": standing == Standing.GRACE,
        "memberships": memberships,
        "year": year,
        "units_without": [unit for unit in units if unit.pk not in current],
    }
    return render(request, "memberships/member/membership.html", context)
