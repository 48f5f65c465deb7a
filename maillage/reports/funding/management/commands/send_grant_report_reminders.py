from django.core.management.base import BaseCommand
from django.utils import timezone

from maillage.reports.funding.reminders import queue_reminders


class Command(BaseCommand):
    help = "Queue one e-mail to staff per grant report due within 30 days, never reminded."

    def handle(self, *args, **options):
        queued = queue_reminders(timezone.localdate())
        self.stdout.write(f"Rappels programmés : {queued}")
