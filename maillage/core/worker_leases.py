"""A task whose worker died is run again by another worker.

`db_worker` marks a task « running » when it takes it and « successful » or « failed » when it
ends. A worker killed meanwhile (out of memory, a host lost, `kill -9`) leaves its task running
forever: a contacts import never ends, an e-mail never leaves. So every worker beats a
`Heartbeat` (« worker:<its id> ») while it lives, from a thread started with its first task, and
each pass of the scheduler puts back in the queue the running tasks whose worker has not beaten
for WORKER_LEASE_SECONDS. The tasks are written to be run again: imports resume after their last
committed batch, e-mail builders read the rows afresh.
"""

from __future__ import annotations

import hashlib
import threading
import time
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone
from django_tasks.base import TaskResultStatus

PREFIX = "worker:"
_beating: set[str] = set()
_lock = threading.Lock()


def heartbeat_name(worker_id: str) -> str:
    """A worker id has up to 64 characters, a heartbeat's name 30: a digest of it."""
    return PREFIX + hashlib.sha256(worker_id.encode()).hexdigest()[:20]


def start_beating(sender: object, task_result: Any, **kwargs: Any) -> None:
    """`task_started` receiver: the worker running this task beats from now until it stops.
    Never raises: an exception here would fail the task it announces."""
    from django_tasks_db.backend import DatabaseBackend

    backend = sender if isinstance(sender, type) else type(sender)
    if not issubclass(backend, DatabaseBackend) or not task_result.worker_ids:
        return  # the immediate backend of tests and `make run` has no worker to watch
    worker_id = task_result.worker_ids[-1]
    with _lock:
        if worker_id in _beating:
            return
        _beating.add(worker_id)
    threading.Thread(target=_beat_forever, args=(worker_id,), daemon=True).start()


def _beat(worker_id: str) -> None:
    from maillage.core.health import beat

    beat(heartbeat_name(worker_id))


def _beat_forever(worker_id: str) -> None:
    """In its own thread, so with its own database connection."""
    while True:
        close_old_connections()
        try:
            _beat(worker_id)
        except Exception:  # a missed beat is retried: the lease lasts several beats
            connection.close()
        time.sleep(settings.WORKER_BEAT_SECONDS)


def requeue_orphans(now: datetime | None = None) -> int:
    """Put back in the queue the running tasks whose worker has stopped beating; how many.

    Each is updated on the condition that it is still running for that same worker, so two
    schedulers, or a worker finishing at that very moment, never make it run twice."""
    from django_tasks_db.models import DBTaskResult

    from maillage.core.models import Heartbeat

    now = now or timezone.now()
    alive_since = now - timedelta(seconds=settings.WORKER_LEASE_SECONDS)
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
    requeued = 0
    Heartbeat.objects.filter(
        process__startswith=PREFIX, beat_at__lt=now - timedelta(days=1)
    ).delete()  # workers gone for a day
    beats = dict(
        Heartbeat.objects.filter(process__startswith=PREFIX).values_list("process", "beat_at")
    )
    for task_id, worker_ids, started_at in running.values_list("id", "worker_ids", "started_at"):
        last_beat = beats.get(heartbeat_name(worker_ids[-1] if worker_ids else ""))
        if (last_beat or started_at or now) >= alive_since:
            continue
        requeued += DBTaskResult.objects.filter(
            id=task_id, status=TaskResultStatus.RUNNING, started_at=started_at
        ).update(status=TaskResultStatus.READY, started_at=None)
    return requeued
