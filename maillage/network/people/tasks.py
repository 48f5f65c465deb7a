"""Background work of the address book: the retention purge, daily from cron."""

from __future__ import annotations

from django_tasks import task

from maillage.network.people.retention import purge_inactive


@task()
def purge_inactive_contacts() -> dict[str, int]:
    return purge_inactive().as_dict()
