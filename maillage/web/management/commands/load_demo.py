from django.core.management.base import BaseCommand

from maillage.accounts.demo import create_demo_accounts
from maillage.activities.demo import create_demo_activities
from maillage.directory.demo import create_demo_directory
from maillage.network.decisions.demo import create_demo_decisions
from maillage.network.memberships.demo import create_demo_memberships
from maillage.network.people.demo import create_demo_people
from maillage.network.working_groups.demo import create_demo_working_groups
from maillage.observatory.demo import create_demo_observatory
from maillage.support.journeys.demo import create_demo_journeys
from maillage.support.services.demo import create_demo_services


class Command(BaseCommand):
    help = "Create the fictitious demonstration data and one account per role (local use only)."

    def handle(self, *args, **options):
        # Order matters: activities name its organisations;
        # the network links people to accounts and organisations, then groups and decisions to
        # them; support journeys refer project holders to the services.
        created = create_demo_directory()
        self.stdout.write(f"Annuaire : {created} établissement(s) fictif(s) créé(s).")
        self.stdout.write(f"Agenda : {create_demo_activities()} activité(s) fictive(s) créée(s).")
        accounts = create_demo_accounts()
        steps = (
            ("Carnet d’adresses", create_demo_people, "contact(s)"),
            # Before the memberships: the hub and its partners join the directory here.
            ("Offre d’accompagnement", create_demo_services, "service(s)"),
            ("Adhésions", create_demo_memberships, "adhésion(s)"),
            ("Groupes de travail", create_demo_working_groups, "groupe(s)"),
            ("Décisions", create_demo_decisions, "proposition(s)"),
            ("Accompagnement", create_demo_journeys, "dossier(s)"),
        )
        for label, create, unit in steps:
            self.stdout.write(f"{label} : {create()} {unit} fictif(s) créé(s).")
        # Last: the snapshot counts every establishment the steps above put in the directory.
        snapshot = create_demo_observatory()
        self.stdout.write(f"Observatoire : {snapshot or 'aucun territoire chargé'}.")
        self.stdout.write("Comptes de démonstration (usage local uniquement) :")
        for account in accounts:
            self.stdout.write(f"  {account.role.label:<20} {account.email:<32} {account.password}")
