"""The directory's retention job: import reports (their rejected lines, which may hold a person's
contact, and the uploaded files) go after IMPORT_REPORT_RETENTION_DAYS; searches after the longest
period of their report; a refused claim's and a decided proposal's words a year after the
decision; large exports' files after a week."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from maillage.directory.enums import ClaimStatus, ProposalStatus
from maillage.directory.models import Claim, DirectoryExport, EditProposal, ImportRun, SearchLog
from maillage.directory.search_log import KEPT_DAYS
from maillage.privacy.registry import declaration_for
from maillage.privacy.subject_rights import anonymise_row

DECISION_KEPT_DAYS = 365
# A large export's file is public data written again on demand: kept a week for its download.
EXPORT_KEPT_DAYS = 7


def report_days() -> int:
    return getattr(settings, "IMPORT_REPORT_RETENTION_DAYS", 365)


@dataclass
class PurgeReport:
    imports_deleted: int = 0
    searches_deleted: int = 0
    claims_anonymised: int = 0
    proposals_anonymised: int = 0
    exports_deleted: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def delete_uploads(run: ImportRun) -> str:
    """Delete the files uploaded for this run, unsaved; returns "" (the registry's replacement
    of `upload` on erasure)."""
    for upload in (run.upload, run.second_upload):
        if upload:
            upload.delete(save=False)
    run.upload = run.second_upload = ""
    return ""


def _anonymise(queryset: models.QuerySet[Any]) -> int:
    entry = declaration_for(queryset.model._meta.label)
    count = 0
    for row in queryset.order_by("pk"):
        anonymise_row(entry, row)
        count += 1
    return count


@transaction.atomic
def purge_directory_records(now: datetime | None = None) -> PurgeReport:
    """Apply the directory's retentions; a second run finds nothing more to do."""
    now = now or timezone.now()
    report = PurgeReport()
    for run in ImportRun.objects.filter(started_at__lt=now - timedelta(days=report_days())):
        delete_uploads(run)
        run.delete()  # its rejected lines with it
        report.imports_deleted += 1
    searched_before = timezone.localdate(now) - timedelta(days=KEPT_DAYS)
    report.searches_deleted, _ = SearchLog.objects.filter(searched_on__lt=searched_before).delete()
    decided_before = now - timedelta(days=DECISION_KEPT_DAYS)
    report.claims_anonymised = _anonymise(
        Claim.objects.filter(status=ClaimStatus.REJECTED, decided_at__lt=decided_before).exclude(
            role="", message=""
        )
    )
    report.proposals_anonymised = _anonymise(
        EditProposal.objects.exclude(status=ProposalStatus.PENDING)
        .filter(decided_at__lt=decided_before)
        .exclude(changes={})
    )
    for export in DirectoryExport.objects.filter(
        requested_at__lt=now - timedelta(days=EXPORT_KEPT_DAYS)
    ):
        export.file.delete(save=False)
        export.delete()
        report.exports_deleted += 1
    return report
