"""The retention job of the services: a closed service's contact (often a named person) is
anonymised a year after its closing; a summary request the worker never sent goes after a day."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from maillage.privacy.registry import declaration_for
from maillage.support.services.enums import ServiceStatus
from maillage.support.services.models import Service, SummaryRequest

CLOSED_KEPT_DAYS = 365
UNSENT_SUMMARY_KEPT = timedelta(days=1)


@dataclass
class PurgeReport:
    contacts_anonymised: int = 0
    summaries_deleted: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


@transaction.atomic
def purge_services(now: datetime | None = None) -> PurgeReport:
    now = now or timezone.now()
    report = PurgeReport()
    entry = declaration_for(Service._meta.label)
    closed = Service.objects.filter(
        status=ServiceStatus.CLOSED, updated_at__lt=now - timedelta(days=CLOSED_KEPT_DAYS)
    ).exclude(contact_name="", email="", phone="")
    for service in closed.order_by("pk"):
        # Not `save()`: its `updated_at` dates the closing the retention counts from.
        values = {name: "" for name in entry.fields}
        Service.objects.filter(pk=service.pk).update(**values)
        report.contacts_anonymised += 1
    report.summaries_deleted, _ = SummaryRequest.objects.filter(
        created_at__lt=now - UNSENT_SUMMARY_KEPT
    ).delete()
    return report
