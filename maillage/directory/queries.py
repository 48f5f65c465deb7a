"""What other apps read of the directory's staff work: the queues waiting for a decision."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from maillage.directory.enums import ImportStatus
from maillage.directory.models import (
    Claim,
    DuplicateCandidate,
    EditProposal,
    Establishment,
    ImportRun,
    LegalUnit,
    LocationCheck,
)
from maillage.directory.stewardship.staleness import stale_entries

# A failed import older than this is history, not today's work.
IMPORTS_WATCHED_FOR = timedelta(days=30)


@dataclass(frozen=True)
class StewardshipQueues:
    """How many rows wait in each staff queue of the directory (one count query each)."""

    claims: int
    proposals: int
    family_review: int
    location_checks: int
    duplicates: int
    stale: int


def stewardship_queues(today: date | None = None) -> StewardshipQueues:
    return StewardshipQueues(
        claims=Claim.objects.pending().count(),
        proposals=EditProposal.objects.pending().count(),
        family_review=LegalUnit.objects.needing_review().count(),
        location_checks=LocationCheck.objects.pending().count(),
        duplicates=DuplicateCandidate.objects.proposed().count(),
        stale=stale_entries(today).count(),
    )


def imports_to_watch(now: datetime | None = None) -> QuerySet[ImportRun]:
    """Imports of the last 30 days still running or stopped by a failure, latest first: a
    running one may have been interrupted (`ImportRun.is_interrupted`), a failed one resumed."""
    since = (now or timezone.now()) - IMPORTS_WATCHED_FOR
    return ImportRun.objects.filter(
        Q(status=ImportStatus.RUNNING) | Q(status=ImportStatus.FAILED), started_at__gte=since
    ).order_by("-started_at", "-pk")


def listed_organisations() -> int:
    """How many organisations the public directory lists (the home page's figure)."""
    return Establishment.objects.published().count()
