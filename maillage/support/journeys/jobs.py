"""The support cases' periodic jobs."""

from maillage.core.scheduling import Every, PeriodicJob
from maillage.support.journeys.tasks import purge_closed_cases, send_next_step_reminders

JOBS = [
    PeriodicJob(
        "send_next_step_reminders",
        "Rappeler à l’équipe les prochaines étapes échues des accompagnements.",
        send_next_step_reminders,
        Every.DAY,
        hour=8,
        arguments=lambda start: (start.date().isoformat(),),
    ),
    PeriodicJob(
        "purge_closed_cases",
        "Anonymiser les dossiers clos passé la durée de conservation, chiffres gardés.",
        purge_closed_cases,
        Every.DAY,
    ),
]
