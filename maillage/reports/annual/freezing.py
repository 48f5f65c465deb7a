"""Freeze a version of a year's report (its figures never change afterwards) and publish it."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from maillage.reports.annual.building import build_content
from maillage.reports.annual.models import AnnualReport, FrozenVersion


def report_of(year: int) -> AnnualReport:
    """The year's report, created empty the first time staff open it."""
    report, _ = AnnualReport.objects.get_or_create(year=year)
    return report


def freeze(report: AnnualReport, now: datetime | None = None) -> FrozenVersion:
    """A new version holding the report's content as the records and texts say it now."""
    now = now or timezone.now()
    with transaction.atomic():
        report = AnnualReport.objects.select_for_update().get(pk=report.pk)
        last = report.versions.aggregate(last=Max("number"))["last"] or 0
        content = build_content(report)
        content.frozen_at = now.isoformat()
        return FrozenVersion.objects.create(
            report=report, number=last + 1, frozen_at=now, content=content.to_json()
        )


def publish(version: FrozenVersion, now: datetime | None = None) -> FrozenVersion:
    """Make the version public; publishing it again changes nothing."""
    FrozenVersion.objects.filter(pk=version.pk, published_at__isnull=True).update(
        published_at=now or timezone.now()
    )
    version.refresh_from_db()
    return version


def published_version(year: int) -> FrozenVersion | None:
    """The latest published version of the year: what the public reads."""
    return (
        FrozenVersion.objects.published()
        .filter(report__year=year)
        .select_related("report")
        .order_by("-number")
        .first()
    )
