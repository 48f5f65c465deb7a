import time
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from maillage.core.french import plural
from maillage.core.health import SCHEDULER, beat
from maillage.core.scheduling import enqueue_due
from maillage.core.worker_leases import requeue_orphans


class Command(BaseCommand):
    help = (
        "Met en file d’attente les tâches planifiées (purges, rappels…) une fois par période ; "
        "à lancer comme un service à côté du worker. Deux planificateurs lancés par erreur ne "
        "mettent pas deux fois la même tâche en file."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--once", action="store_true", help="un seul passage, puis s’arrêter (tests, cron)"
        )
        parser.add_argument(
            "--interval",
            type=int,
            default=settings.SCHEDULER_INTERVAL_SECONDS,
            help="secondes entre deux passages (SCHEDULER_INTERVAL_SECONDS, 60)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            beat(SCHEDULER)  # read by the health page (/sante/)
            for name in enqueue_due():
                self.stdout.write(f"Tâche planifiée mise en file : {name}")
            if orphans := requeue_orphans():
                self.stdout.write(
                    f"{plural(orphans, 'tâche remise', 'tâches remises')} en file : "
                    "leur worker ne donne plus signe de vie."
                )
            if options["once"]:
                return
            time.sleep(options["interval"])
