"""The agenda's periodic jobs."""

from datetime import timedelta

from maillage.activities.tasks import purge_old_registrations, send_reminders, send_surveys
from maillage.core.scheduling import Every, PeriodicJob

JOBS = [
    PeriodicJob(
        "send_activity_reminders",
        "Rappeler aux inscrits les activités du lendemain.",
        send_reminders,
        Every.DAY,
        hour=8,
        arguments=lambda start: ((start.date() + timedelta(days=1)).isoformat(),),
    ),
    PeriodicJob(
        "send_satisfaction_surveys",
        "Envoyer le questionnaire de satisfaction des formations de la veille.",
        send_surveys,
        Every.DAY,
        hour=8,
        arguments=lambda start: ((start.date() - timedelta(days=1)).isoformat(),),
    ),
    PeriodicJob(
        "purge_old_registrations",
        "Effacer les inscriptions et les avis passé leur durée de conservation.",
        purge_old_registrations,
        Every.DAY,
    ),
]
