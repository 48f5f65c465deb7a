"""The health page (`/sante/`): is the database reachable, is the scheduler passing, is the task
worker taking its tasks. For the host's monitoring: no login, no personal data, only times.

The scheduler beats a `Heartbeat` row on each pass (`run_scheduler`). The worker is judged on its
queue: its last started task and the last heartbeat of any worker (core/worker_leases.py: a worker
beats from its first task on) are reported, and it is failing when a task ready to run has been
waiting longer than HEALTH_QUEUE_MAX_WAIT_SECONDS (an idle worker with nothing to do is healthy;
the scheduler's daily jobs give it something to do at least once a day).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection, models
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_tasks.base import TaskResultStatus

SCHEDULER = "scheduler"


def beat(process: str) -> None:
    """Record that `process` is alive now."""
    from maillage.core.models import Heartbeat

    Heartbeat.objects.update_or_create(process=process, defaults={"beat_at": timezone.now()})


@dataclass(frozen=True)
class Part:
    ok: bool
    detail: str  # in French, for the person reading the monitoring
    times: dict[str, datetime | None]

    def as_json(self) -> dict[str, object]:
        times = {key: value.isoformat() if value else None for key, value in self.times.items()}
        return {"ok": self.ok, "detail": self.detail, **times}


def check_database() -> Part:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        # The class only: the message may carry the connection's address or user.
        return Part(False, f"base de données injoignable ({type(error).__name__})", {})
    return Part(True, "base de données joignable", {})


def check_scheduler(now: datetime) -> Part:
    from maillage.core.models import Heartbeat

    last = Heartbeat.objects.filter(process=SCHEDULER).values_list("beat_at", flat=True).first()
    times = {"last_beat": last}
    if last is None:
        return Part(False, "le planificateur n’est jamais passé", times)
    silence = settings.HEALTH_SCHEDULER_MAX_SILENCE_SECONDS
    if now - last > timedelta(seconds=silence):
        return Part(False, f"le planificateur n’est pas passé depuis plus de {silence} s", times)
    return Part(True, "le planificateur passe", times)


def check_worker(now: datetime) -> Part:
    from django_tasks_db.models import DBTaskResult, get_date_max

    results = DBTaskResult.objects
    last_start = results.aggregate(last=models.Max("started_at"))["last"]
    cutoff = now - timedelta(seconds=settings.HEALTH_QUEUE_MAX_WAIT_SECONDS)
    # Ready since before the cutoff: enqueued then, and not asked to wait until after it.
    overdue = (
        results.filter(status=TaskResultStatus.READY, enqueued_at__lte=cutoff)
        .filter(models.Q(run_after=get_date_max()) | models.Q(run_after__lte=cutoff))
        .aggregate(oldest=models.Min("enqueued_at"))["oldest"]
    )
    times = {
        "last_beat": last_worker_beat(),
        "last_task_started": last_start,
        "oldest_waiting_task": overdue,
    }
    if overdue is not None:
        wait = settings.HEALTH_QUEUE_MAX_WAIT_SECONDS
        return Part(False, f"une tâche attend le worker depuis plus de {wait} s", times)
    return Part(True, "aucune tâche n’attend le worker", times)


def last_worker_beat() -> datetime | None:
    from maillage.core.models import Heartbeat
    from maillage.core.worker_leases import PREFIX

    beats = Heartbeat.objects.filter(process__startswith=PREFIX).order_by("-beat_at")
    return beats.values_list("beat_at", flat=True).first()


def report(now: datetime | None = None) -> dict[str, Part]:
    now = now or timezone.now()
    database = check_database()
    if not database.ok:
        unknown = Part(False, "inconnu : la base de données est injoignable", {})
        return {"database": database, "scheduler": unknown, "worker": unknown}
    return {"database": database, "scheduler": check_scheduler(now), "worker": check_worker(now)}


@login_not_required
@require_GET
@never_cache
def health(request: HttpRequest) -> JsonResponse:
    parts = report()
    failing = [name for name, part in parts.items() if not part.ok]
    body = {
        "status": "failing" if failing else "ok",
        "failing": failing,
        **{name: part.as_json() for name, part in parts.items()},
    }
    return JsonResponse(body, status=503 if failing else 200)
