"""The accounts' periodic jobs."""

from maillage.accounts.tasks import purge_expired_failed_logins
from maillage.core.scheduling import Every, PeriodicJob

JOBS = [
    PeriodicJob(
        "purge_failed_logins",
        "Effacer les échecs de connexion trop anciens pour compter dans un blocage.",
        purge_expired_failed_logins,
        Every.DAY,
    ),
]
