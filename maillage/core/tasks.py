"""The ground's background work."""

from __future__ import annotations

from django.core.management import call_command
from django_tasks import task

from maillage.core.ratelimit import purge_expired

# Finished tasks carry only ids (ADR 0003); a week lets staff see what failed.
FINISHED_TASK_DAYS = 7


@task()
def purge_rate_limits() -> int:
    return purge_expired()


@task()
def prune_finished_tasks() -> None:
    call_command("prune_db_task_results", min_age_days=FINISHED_TASK_DAYS, verbosity=0)
