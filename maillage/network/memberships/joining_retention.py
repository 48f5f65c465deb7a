"""The retention of join requests: once answered, what the request held lives on in the
account, the address book and the membership; the request itself goes after
JOIN_REQUEST_RETENTION_DAYS from its sending (an unanswered one too)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from maillage.network.memberships.models import JoinRequest


def retention_days() -> int:
    return getattr(settings, "JOIN_REQUEST_RETENTION_DAYS", 365)


def purge_old_join_requests(now: datetime | None = None) -> int:
    cutoff = (now or timezone.now()) - timedelta(days=retention_days())
    deleted, _ = JoinRequest.objects.created_before(cutoff).delete()
    return deleted
