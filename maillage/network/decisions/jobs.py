"""The decisions' periodic jobs."""

from maillage.core.scheduling import Every, PeriodicJob
from maillage.network.decisions.tasks import close_due

JOBS = [
    PeriodicJob(
        "close_due_proposals",
        "Clore les propositions arrivées à échéance et enregistrer leur résultat.",
        close_due,
        Every.HOUR,
    ),
]
