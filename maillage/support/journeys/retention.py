"""The retention rule of support cases: the personal-data registry keeps a case five years after
it closed (SUPPORT_CASE_RETENTION_DAYS). Past that, the case is anonymised in place: every field
the registry declares on it and on its records is blanked, its holders and organisations are
unlinked, and documents leave the disk. Its kind, commune, stages, referrals and outcome stay,
so that the dashboard and the activity report count the same before and after."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from maillage.privacy.registry import declaration_for
from maillage.privacy.subject_rights import anonymise_row
from maillage.support.journeys.models import (
    Appointment,
    CaseDocument,
    CaseNote,
    NextStep,
    Referral,
    SupportCase,
)

RECORDS = (Appointment, CaseNote, CaseDocument, NextStep, Referral)


def retention_days() -> int:
    return getattr(settings, "SUPPORT_CASE_RETENTION_DAYS", 5 * 365)


def _blank(rows: models.QuerySet[Any]) -> None:
    """Give each declared field of `rows` its erased value, as the registry's erasure does."""
    entry = declaration_for(rows.model._meta.label)
    for row in rows:
        anonymise_row(entry, row)  # one by one: a document's file is deleted with its field


@transaction.atomic
def anonymise(case: SupportCase, today: date | None = None) -> None:
    _blank(SupportCase.objects.filter(pk=case.pk))
    for model in RECORDS:
        _blank(model.objects.filter(case=case))
    case.holders.clear()
    case.organisations.clear()
    SupportCase.objects.filter(pk=case.pk).update(anonymised_on=today or timezone.localdate())


def purge_closed_cases(today: date | None = None) -> int:
    """Anonymise the cases closed longer ago than the retention; a second run finds nothing."""
    today = today or timezone.localdate()
    cutoff = today - timedelta(days=retention_days())
    purged = 0
    for case in SupportCase.objects.past_retention(cutoff).order_by("pk"):
        anonymise(case, today)
        purged += 1
    return purged
