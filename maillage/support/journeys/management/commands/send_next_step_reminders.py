"""Queue the reminders of the support cases' next steps that fall due (daily, from cron)."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from maillage.support.journeys.tasks import send_next_step_reminders


class Command(BaseCommand):
    help = (
        "Rappelle par e-mail à l’équipe les prochaines étapes des dossiers d’accompagnement "
        "arrivées à échéance (à lancer chaque jour ; un second lancement n’envoie rien de plus)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", help="Jour de référence AAAA-MM-JJ (par défaut : aujourd’hui)"
        )

    def handle(self, *args, **options):
        try:
            day = date.fromisoformat(options["date"]) if options["date"] else None
        except ValueError:
            raise CommandError("Date invalide : attendu AAAA-MM-JJ.") from None
        send_next_step_reminders.enqueue((day or timezone.localdate()).isoformat())
        self.stdout.write("Rappels des prochaines étapes mis en file d’attente.")
