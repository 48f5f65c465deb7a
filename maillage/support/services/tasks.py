"""Background work of the services: the retention job (daily)."""

from __future__ import annotations

from django_tasks import task

from maillage.support.services import retention


@task()
def purge_services() -> dict[str, int]:
    """Contacts of services closed over a year ago, summary requests never sent."""
    return retention.purge_services().as_dict()
