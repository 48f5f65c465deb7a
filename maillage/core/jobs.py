"""The ground's own periodic jobs."""

from maillage.core.scheduling import Every, PeriodicJob
from maillage.core.tasks import prune_finished_tasks, purge_rate_limits

JOBS = [
    PeriodicJob(
        "purge_rate_limits",
        "Supprimer les compteurs de limite de demandes dont la période est finie.",
        purge_rate_limits,
        Every.DAY,
    ),
    PeriodicJob(
        "prune_finished_tasks",
        "Purger les tâches terminées depuis plus d’une semaine (leurs résultats ne portent que "
        "des identifiants).",
        prune_finished_tasks,
        Every.WEEK,
    ),
]
