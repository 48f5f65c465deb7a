from django.core.management.base import BaseCommand

from maillage.accounts.demo import create_demo_accounts
from maillage.accounts.models import User
from maillage.activities.demo import create_demo_activities
from maillage.activities.models import Activity, Registration, SatisfactionAnswer
from maillage.core import demo
from maillage.directory import map_clusters
from maillage.directory.demo import create_demo_directory
from maillage.directory.models import Establishment, LegalUnit
from maillage.needs.demo import create_demo_needs
from maillage.needs.models import Need, Support
from maillage.network.decisions.demo import create_demo_decisions
from maillage.network.decisions.models import Proposal, Vote
from maillage.network.memberships.demo import create_demo_board, create_demo_memberships
from maillage.network.memberships.models import BoardSeat, Membership
from maillage.network.people.demo import create_demo_people
from maillage.network.people.models import Interaction, Person
from maillage.network.working_groups.demo import create_demo_working_groups
from maillage.network.working_groups.models import Document, Meeting, WorkingGroup
from maillage.observatory.demo import create_demo_observatory
from maillage.observatory.models import Snapshot
from maillage.reports.annual.demo import create_demo_report
from maillage.reports.annual.models import AnnualReport
from maillage.reports.funding.demo import create_demo_funding
from maillage.reports.funding.models import Grant, Mandate
from maillage.reports.indicators.demo import create_demo_targets
from maillage.reports.indicators.models import Target
from maillage.support.journeys.demo import create_demo_journeys
from maillage.support.journeys.models import Referral, SupportCase
from maillage.support.services.demo import create_demo_services
from maillage.support.services.models import Service
from maillage.web.demo_report import Kind, Step, run

# Order matters: activities name the directory's organisations; the network links people to
# accounts and organisations, then groups and decisions to them; the hub and its partners join
# the directory with their services, before the memberships; support cases refer project holders
# to the services; the observatory counts every establishment the steps put there; last, the
# report of the year gets targets from what was recorded, and the staff's texts.
STEPS = (
    Step(
        "Annuaire",
        create_demo_directory,
        (
            Kind("organisation", "organisations", LegalUnit),
            Kind("établissement", "établissements", Establishment),
        ),
    ),
    Step(
        "Agenda",
        create_demo_activities,
        (
            Kind("activité", "activités", Activity),
            Kind("inscription", "inscriptions", Registration),
            Kind("réponse au questionnaire", "réponses au questionnaire", SatisfactionAnswer),
        ),
    ),
    Step("Comptes", create_demo_accounts, (Kind("compte", "comptes", User),)),
    Step(
        "Carnet d’adresses",
        create_demo_people,
        (Kind("contact", "contacts", Person), Kind("échange", "échanges", Interaction)),
    ),
    Step(
        "Offre d’accompagnement",
        create_demo_services,
        (
            Kind("structure partenaire", "structures partenaires", LegalUnit),
            Kind("service", "services", Service),
        ),
    ),
    Step("Adhésions", create_demo_memberships, (Kind("adhésion", "adhésions", Membership),)),
    Step(
        "Conseil d’administration",
        create_demo_board,
        (Kind("siège au conseil", "sièges au conseil", BoardSeat),),
    ),
    Step(
        "Groupes de travail",
        create_demo_working_groups,
        (
            Kind("groupe", "groupes", WorkingGroup),
            Kind("réunion", "réunions", Meeting),
            Kind("document", "documents", Document),
        ),
    ),
    Step(
        "Décisions",
        create_demo_decisions,
        (Kind("proposition", "propositions", Proposal), Kind("vote", "votes", Vote)),
    ),
    Step(
        "Accompagnement",
        create_demo_journeys,
        (Kind("dossier", "dossiers", SupportCase), Kind("orientation", "orientations", Referral)),
    ),
    Step(
        "Besoins du territoire",
        create_demo_needs,
        (Kind("besoin", "besoins", Need), Kind("soutien", "soutiens", Support)),
    ),
    Step(
        "Financements et mandats",
        create_demo_funding,
        (
            Kind("subvention", "subventions", Grant),
            Kind("mandat de représentation", "mandats de représentation", Mandate),
        ),
    ),
    Step(
        "Observatoire",
        create_demo_observatory,
        (Kind("instantané des chiffres", "instantanés des chiffres", Snapshot),),
    ),
    # Last: the targets are set from what the steps above recorded for the year.
    Step("Cibles des actions", create_demo_targets, (Kind("cible", "cibles", Target),)),
    Step(
        "Rapport d’activité",
        create_demo_report,
        (Kind("rapport d’activité", "rapports d’activité", AnnualReport),),
    ),
)


class Command(BaseCommand):
    help = "Create the fictitious demonstration data and one account per role (local use only)."

    def handle(self, *args, **options):
        # Loaded on an earlier day: what is dated from that day goes, and is created again below.
        if demo.renew():
            self.stdout.write("Démonstration d’un jour précédent remise à la date du jour.")
        self.stdout.write("Données fictives de démonstration créées\u00a0:")
        for step in STEPS:
            self.stdout.write(f"  {run(step)}")
        map_clusters.refresh()  # each step's writes are counted already; a migration's marks
        self.stdout.write("Comptes de démonstration (usage local uniquement)\u00a0:")
        for account in create_demo_accounts():
            self.stdout.write(f"  {account.role.label:<20} {account.email:<32} {account.password}")
