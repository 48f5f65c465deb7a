"""Keep the directory's « adhérente du pôle » flag in step with this year's memberships.

The directory offers no function to set `LegalUnit.is_hub_member`, so this module updates it
with a queryset `.update()`; the flag is a plain column with nothing derived from it.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone

from maillage.directory.models import LegalUnit
from maillage.network.memberships.models import Membership


def sync_hub_member_flags(
    legal_unit_ids: Iterable[int | None] | None = None, year: int | None = None
) -> int:
    """Flag the organisations with a paid or waived membership of `year` (this year by
    default), unflag the others; return how many flags changed.

    Without ids, every organisation that ever had a membership is checked; one that never had
    any keeps the flag the directory gave it (an import from the hub's spreadsheet)."""
    year = year or timezone.localdate().year
    if legal_unit_ids is None:
        units = LegalUnit.objects.filter(pk__in=Membership.objects.values("legal_unit"))
    else:
        units = LegalUnit.objects.filter(pk__in=[pk for pk in legal_unit_ids if pk])
    # NOT IN over a NULL would match nothing: people's memberships are left out of the subquery.
    members = (
        Membership.objects.of_year(year)
        .in_good_standing()
        .filter(legal_unit__isnull=False)
        .values("legal_unit")
    )
    joined = units.filter(pk__in=members, is_hub_member=False).update(is_hub_member=True)
    left = units.exclude(pk__in=members).filter(is_hub_member=True).update(is_hub_member=False)
    return joined + left
