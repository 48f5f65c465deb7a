"""The retention rule of support cases: the personal-data registry keeps a case five years after
it closed (SUPPORT_CASE_RETENTION_DAYS). Past that, the case is anonymised in place: every field
the registry declares on it and on its records is blanked, its holders and organisations are
unlinked, and documents leave the disk. Its kind, commune, stages, referrals and outcome stay,
so that the dashboard and the activity report count the same before and after."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from maillage.privacy.registry import declaration_for
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


def _blank(rows: models.QuerySet) -> None:
    """Give each declared field of `rows` its erased value, as the registry says."""
    entry = declaration_for(rows.model._meta.label)
    if entry is None:
        return
    for row in rows:
        for name in {*entry.fields, *entry.replacements}:
            setattr(row, name, _erased_value(entry.replacements, row, name))
        row.save()  # one by one: a document's file is deleted as its field is blanked


def _erased_value(replacements: dict, row: models.Model, name: str):
    """As the registry's erasure does: the declared replacement, else empty."""
    if name not in replacements:
        return None if row._meta.get_field(name).null else ""
    replacement = replacements[name]
    if callable(replacement):
        return replacement(row)
    return replacement.format(pk=row.pk) if isinstance(replacement, str) else replacement


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
