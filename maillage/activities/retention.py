"""The retention of registrations: REGISTRATION_RETENTION_DAYS after the activity ended (two years
by default), a registration and its satisfaction answer are anonymised through the registry's
declarations. The rows stay, so the activity's attendance and its publics stay counted."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from maillage.activities.models import Registration, SatisfactionAnswer
from maillage.privacy.registry import declaration_for
from maillage.privacy.subject_rights import anonymise_row

ERASED_DOMAIN = ".invalid"


def retention_days() -> int:
    return getattr(settings, "REGISTRATION_RETENTION_DAYS", 2 * 365)


@transaction.atomic
def purge_old_registrations(now: datetime | None = None) -> int:
    """Anonymise the registrations (and answers) of activities ended before the retention; how
    many registrations. A second run finds none."""
    cutoff = (now or timezone.now()) - timedelta(days=retention_days())
    registrations = Registration.objects.filter(activity__ends_at__lt=cutoff).exclude(
        email__endswith=ERASED_DOMAIN
    )
    answers = declaration_for(SatisfactionAnswer._meta.label)
    for answer in SatisfactionAnswer.objects.filter(registration__in=registrations):
        anonymise_row(answers, answer)
    entry = declaration_for(Registration._meta.label)
    purged = 0
    for registration in registrations.order_by("pk"):
        anonymise_row(entry, registration)
        purged += 1
    return purged
