"""Reaping the task a stopped worker left RUNNING: the database task queue never notices a
worker killed in the middle of a task (out of memory, a restart), so the application that sees
its work stalled marks the task failed, and the queue tells the truth again."""

from __future__ import annotations

import uuid

from django.utils import timezone
from django_tasks_db.models import DBTaskResult


class WorkerGone(Exception):
    """The class recorded on a reaped task: its worker stopped before the task ended."""


def reap(task_id: str | None) -> int:
    """Mark the task failed if it is still RUNNING in the database queue; return 1 if it was,
    else 0 (another backend's ids are no UUIDs: nothing to reap there)."""
    try:
        task_uuid = uuid.UUID(str(task_id))
    except ValueError:
        return 0
    return DBTaskResult.objects.filter(id=task_uuid, status="RUNNING").update(
        status="FAILED",
        finished_at=timezone.now(),
        exception_class_path=f"{__name__}.WorkerGone",
        traceback="The worker stopped before the end of the task (reaped as stale).",
    )
