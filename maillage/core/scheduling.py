"""Periodic jobs, declared once in code and enqueued by the scheduler (`manage.py run_scheduler`).

Each app lists its jobs in a `JOBS` sequence of its `jobs.py` (found by `discover_jobs`). A job
names a task and how often it runs; the scheduler enqueues it once per period, however many
schedulers are running: a run is a row unique per job and period, inserted in the same
transaction as the queued task, so a second scheduler's insert fails and it enqueues nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from importlib import import_module
from typing import Any

from django.apps import apps
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import module_has_submodule
from django_tasks.base import TaskResultStatus
from django_tasks.signals import task_finished, task_started


class Every(StrEnum):
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"

    @property
    def label(self) -> str:
        return {"hour": "chaque heure", "day": "chaque jour", "week": "chaque semaine"}[self]


@dataclass(frozen=True)
class PeriodicJob:
    name: str  # stable identifier, stored with each run
    description: str  # in French, one sentence, shown to staff
    task: Any  # a django_tasks Task
    every: Every
    # Local hour at which a daily or weekly period starts (night hours keep the day's mail quiet).
    hour: int = 4
    # Task arguments from the period's start (a day as ISO text, a year; never personal data).
    arguments: Callable[[datetime], Sequence[object]] = field(default=lambda start: ())

    @property
    def when(self) -> str:
        """« chaque jour, à 4 h », for staff."""
        if self.every is Every.HOUR:
            return self.every.label
        return f"{self.every.label}, à {self.hour} h"

    def period_start(self, now: datetime) -> datetime:
        """The start of the period `now` falls in, in local time."""
        local = timezone.localtime(now)
        if self.every is Every.HOUR:
            return local.replace(minute=0, second=0, microsecond=0)
        start = local.replace(hour=self.hour, minute=0, second=0, microsecond=0)
        if start > local:
            start -= timedelta(days=1)
        if self.every is Every.WEEK:
            start -= timedelta(days=start.weekday())  # periods start on Mondays
        return start


_JOBS: dict[str, PeriodicJob] = {}


def register(job: PeriodicJob) -> None:
    if _JOBS.setdefault(job.name, job) is not job:
        raise ValueError(f"Two periodic jobs are named {job.name!r}.")


def discover_jobs() -> None:
    """Register the `JOBS` of every installed app that has a `jobs` module."""
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "jobs"):
            for job in import_module(f"{config.name}.jobs").JOBS:
                register(job)


def all_jobs() -> Iterator[PeriodicJob]:
    return iter(sorted(_JOBS.values(), key=lambda job: job.name))


def job_named(name: str) -> PeriodicJob | None:
    return _JOBS.get(name)


def enqueue_due(now: datetime | None = None) -> list[str]:
    """Enqueue every job whose current period has no run yet; the names enqueued."""
    from maillage.core.models import JobRun

    now = now or timezone.now()
    enqueued = []
    for job in all_jobs():
        start = job.period_start(now)
        if JobRun.objects.filter(job=job.name, period_start=start).exists():
            continue
        try:
            with transaction.atomic():
                run = JobRun.objects.create(job=job.name, period_start=start)
                result = job.task.enqueue(*job.arguments(start))
                run.task_result_id = str(result.id)
                run.save(update_fields=["task_result_id"])
            if result.is_finished:  # a backend that runs tasks at once (tests, development)
                record_outcome(result)
        except IntegrityError:  # another scheduler took this period first
            continue
        enqueued.append(job.name)
    return enqueued


def record_started(sender: object, task_result: Any, **kwargs: object) -> None:
    from maillage.core.models import JobRun, JobStatus

    JobRun.objects.filter(task_result_id=str(task_result.id)).update(status=JobStatus.RUNNING)


def record_outcome(task_result: Any, sender: object = None, **kwargs: object) -> None:
    """Connected to the worker's `task_finished`: the run's status, and its error's class."""
    from maillage.core.models import JobRun, JobStatus

    failed = task_result.status == TaskResultStatus.FAILED
    JobRun.objects.filter(task_result_id=str(task_result.id)).update(
        status=JobStatus.FAILED if failed else JobStatus.SUCCEEDED,
        finished_at=task_result.finished_at or timezone.now(),
        error=task_result.errors[-1].exception_class_path[:200]
        if failed and task_result.errors
        else "",
    )


def connect() -> None:
    task_started.connect(record_started, dispatch_uid="core-job-started")
    task_finished.connect(record_outcome, dispatch_uid="core-job-finished")


@dataclass(frozen=True)
class JobOverview:
    job: PeriodicJob
    last_run: Any  # JobRun | None
    last_failure: Any  # JobRun | None


def overview() -> list[JobOverview]:
    """Each job with its latest run and its latest failure (two queries, whatever the runs)."""
    from django.db.models import OuterRef, Subquery

    from maillage.core.models import JobRun, JobStatus

    def latest(runs: Any) -> dict[str, Any]:
        newest = runs.filter(job=OuterRef("job")).order_by("-period_start").values("pk")[:1]
        return {run.job: run for run in runs.filter(pk=Subquery(newest))}

    last = latest(JobRun.objects.all())
    failed = latest(JobRun.objects.filter(status=JobStatus.FAILED))
    return [JobOverview(job, last.get(job.name), failed.get(job.name)) for job in all_jobs()]
