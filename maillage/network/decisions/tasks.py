"""Background work of decisions: closing the proposals whose deadline has passed."""

from __future__ import annotations

from django_tasks import task

from maillage.network.decisions.closing import close_due_proposals


@task()
def close_due() -> int:
    """Close every proposal past its deadline and store its result; a second run closes none."""
    return close_due_proposals()
