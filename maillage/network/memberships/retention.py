"""The retention rule of memberships: the registry keeps a person's membership for
MEMBERSHIP_RETENTION_YEARS after its year (accounting records). Past that, the membership is
untied from its person through the registry's declaration; its year, college, category, amounts,
payment and receipt number stay, so the counts by year and the receipt sequence stay true.

An organisation's membership names no person: it stays as it is, part of the organisation's
history in the directory."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from maillage.network.memberships.models import Membership
from maillage.network.people.models import Affiliation
from maillage.privacy.registry import declaration_for
from maillage.privacy.subject_rights import anonymise_row


def retention_years() -> int:
    return getattr(settings, "MEMBERSHIP_RETENTION_YEARS", 10)


def first_year_kept(today: date | None = None) -> int:
    return (today or timezone.localdate()).year - retention_years()


@transaction.atomic
def purge_old_memberships(today: date | None = None) -> int:
    """Anonymise the memberships of people older than the retention; a second run finds none."""
    today = today or timezone.localdate()
    entry = declaration_for(Membership._meta.label)
    purged = 0
    for membership in Membership.objects.of_people_before(first_year_kept(today)).order_by("pk"):
        membership.anonymised_on = today  # saved with the rest by anonymise_row
        anonymise_row(entry, membership)
        purged += 1
    return purged


def current_member_condition() -> Q:
    """On Person: their own membership of this year, or a current role in a member
    organisation. The address book's retention keeps such people (registered in `ready`)."""
    today = timezone.localdate()
    live = Membership.objects.filter(year__gte=today.year).not_cancelled()
    roles = Affiliation.objects.filter(
        Q(until__isnull=True) | Q(until__gte=today),
        person=OuterRef("pk"),
        legal_unit__in=live.filter(legal_unit__isnull=False).values("legal_unit"),
    )
    return Q(Exists(live.filter(person=OuterRef("pk")))) | Q(Exists(roles))
