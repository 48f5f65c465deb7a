"""The address book's periodic jobs."""

from maillage.core.scheduling import Every, PeriodicJob
from maillage.network.people.tasks import purge_inactive_contacts

JOBS = [
    PeriodicJob(
        "purge_inactive_contacts",
        "Anonymiser les contacts sans échange passé la durée de conservation.",
        purge_inactive_contacts,
        Every.DAY,
    ),
]
