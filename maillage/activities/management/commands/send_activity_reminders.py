from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from maillage.activities.tasks import send_reminders, send_surveys


class Command(BaseCommand):
    help = (
        "Envoie les rappels des activités du lendemain et les questionnaires des formations de "
        "la veille (à lancer chaque jour ; deux lancements n’envoient rien de plus)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", help="Jour de référence AAAA-MM-JJ (par défaut : aujourd’hui)"
        )

    def handle(self, *args, **options):
        try:
            today = date.fromisoformat(options["date"]) if options["date"] else None
        except ValueError:
            raise CommandError("Date invalide : attendu AAAA-MM-JJ.") from None
        today = today or timezone.localdate()
        send_reminders.enqueue((today + timedelta(days=1)).isoformat())
        send_surveys.enqueue((today - timedelta(days=1)).isoformat())
        self.stdout.write("Rappels et questionnaires mis en file d’attente.")
