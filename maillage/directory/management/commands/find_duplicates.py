"""Propose to staff the likely duplicates of the directory (never merged without them)."""

from django.core.management.base import BaseCommand

from maillage.directory.stewardship.duplicates import find_duplicates, new_duplicates_message


class Command(BaseCommand):
    help = "Cherche les doublons probables de l’annuaire et les propose à l’équipe."

    def handle(self, *args, **options):
        self.stdout.write(new_duplicates_message(find_duplicates()))
