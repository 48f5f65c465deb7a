"""The memberships' periodic jobs."""

from maillage.core.scheduling import Every, PeriodicJob
from maillage.network.memberships.tasks import (
    purge_old_join_requests,
    purge_old_memberships,
    run_renewal_campaign,
    sync_hub_members,
)

JOBS = [
    PeriodicJob(
        "sync_hub_members",
        "Mettre à jour la mention « adhérente du pôle » des structures de l’annuaire.",
        sync_hub_members,
        Every.DAY,
    ),
    PeriodicJob(
        "send_renewal_reminders",
        "Relancer une fois les adhérents de l’an passé qui n’ont pas renouvelé.",
        run_renewal_campaign,
        Every.WEEK,
        hour=9,
        arguments=lambda start: (start.year,),
    ),
    PeriodicJob(
        "purge_old_memberships",
        "Détacher des personnes les adhésions passé leur durée de conservation.",
        purge_old_memberships,
        Every.DAY,
    ),
    PeriodicJob(
        "purge_old_join_requests",
        "Supprimer les demandes d’adhésion passé leur durée de conservation.",
        purge_old_join_requests,
        Every.DAY,
    ),
]
