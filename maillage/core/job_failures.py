"""Periodic jobs whose latest run failed: what the staff home tells the team to look at."""

from __future__ import annotations

from django.db.models import OuterRef, QuerySet, Subquery

from maillage.core.models import JobRun, JobStatus


def failing_now() -> QuerySet[JobRun]:
    """The latest run of each job, where it failed (a later success clears it), latest first."""
    newest = (
        JobRun.objects.filter(job=OuterRef("job")).order_by("-period_start", "-pk").values("pk")[:1]
    )
    return JobRun.objects.filter(pk=Subquery(newest), status=JobStatus.FAILED).order_by(
        "-period_start", "-pk"
    )
