"""The funding records' periodic job: reminding staff of the reports due."""

from maillage.core.scheduling import Every, PeriodicJob
from maillage.reports.funding.tasks import remind_reports_due

JOBS = [
    PeriodicJob(
        "send_grant_report_reminders",
        "Rappeler une fois à l’équipe chaque compte rendu de subvention à remettre dans le mois.",
        remind_reports_due,
        Every.DAY,
        hour=8,
        arguments=lambda start: (start.date().isoformat(),),
    ),
]
