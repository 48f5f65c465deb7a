"""The service offer's periodic jobs."""

from maillage.core.scheduling import Every, PeriodicJob
from maillage.support.services.tasks import purge_services

JOBS = [
    PeriodicJob(
        "purge_closed_services",
        "Anonymiser les contacts des services fermés depuis plus d’un an.",
        purge_services,
        Every.DAY,
    ),
]
