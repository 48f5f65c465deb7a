"""The staff home: what waits for the team today, each counter built from rows and linking to
its page; refused to everyone but staff; a constant number of queries however many rows."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from maillage.activities.enums import ActivityStatus, RegistrationStatus
from maillage.core.models import JobRun, JobStatus
from maillage.core.scheduling import all_jobs
from maillage.directory.enums import (
    ClaimStatus,
    ImportKind,
    ImportStatus,
    LocationCheckKind,
    ProposalStatus,
)
from maillage.directory.models import (
    Claim,
    DuplicateCandidate,
    EditProposal,
    ImportRun,
    LocationCheck,
)
from maillage.network.people.enums import ImportStatus as ContactImportStatus
from maillage.network.people.models import ContactImport
from maillage.support.journeys.enums import ReferralStatus
from maillage.support.journeys.models import NextStep
from maillage.support.journeys.stage_file import load_stages
from tests.activities.factories import ActivityFactory, RegistrationFactory
from tests.decisions.factories import ProposalFactory
from tests.directory.factories import EstablishmentFactory, LegalUnitFactory
from tests.factories import UserFactory
from tests.journeys.factories import ReferralFactory, SupportCaseFactory
from tests.memberships.factories import MembershipFactory
from tests.services.factories import ServiceFactory
from tests.typeset import french

NBSP = "\u00a0"


@pytest.fixture(autouse=True)
def stages(db, tmp_path_factory):
    load_stages(tmp_path_factory.mktemp("hub"))


def main_of(response) -> str:
    return response.content.decode().split("<main")[1].split("</main>")[0]


def counter(main: str, key: str) -> str:
    """The list item of one counter, up to the next counter or the end of its section."""
    match = re.search(rf'<li id="a-traiter-{key}".*?(?=<li id="a-traiter-|</section>)', main, re.S)
    assert match, key
    return match.group(0)


def build(n: int) -> None:
    """`n` rows waiting in every queue, and beside them rows that wait for nothing."""
    now, today, year = timezone.now(), timezone.localdate(), timezone.localdate().year
    for index in range(n):
        # Directory queues.
        Claim.objects.create(user=UserFactory(), legal_unit=LegalUnitFactory())
        Claim.objects.create(
            user=UserFactory(), legal_unit=LegalUnitFactory(), status=ClaimStatus.REJECTED
        )
        EditProposal.objects.create(establishment=EstablishmentFactory(), changes={"phone": "1"})
        EditProposal.objects.create(
            establishment=EstablishmentFactory(), changes={}, status=ProposalStatus.ACCEPTED
        )
        LegalUnitFactory(ess_needs_review=True)
        LocationCheck.objects.create(
            establishment=EstablishmentFactory(),
            kind=LocationCheckKind.ADDRESS,
            written="12 rue des Halles",
            reason="adresse approchée",
        )
        DuplicateCandidate.objects.create(
            first=EstablishmentFactory(), second=EstablishmentFactory(), reason="même nom"
        )
        EstablishmentFactory(last_confirmed_on=today - timedelta(days=400))
        # Support: one referral waiting, one answered; one step due, one later, one done.
        ReferralFactory()
        ReferralFactory(status=ReferralStatus.ACCEPTED, decided_on=today)
        case = SupportCaseFactory()
        NextStep.objects.create(case=case, title=f"Rappeler la mairie {index}", due_on=today)
        NextStep.objects.create(case=case, title="Plus tard", due_on=today + timedelta(days=9))
        NextStep.objects.create(case=case, title="Faite", due_on=today, done_on=today)
        ServiceFactory(submitted=True)
        ServiceFactory()
        # Memberships: last year's member not renewed, one renewed, one unpaid this year.
        MembershipFactory(year=year - 1, paid=True)
        renewed = MembershipFactory(year=year - 1, paid=True)
        MembershipFactory(year=year, paid=True, legal_unit=renewed.legal_unit)
        MembershipFactory(year=year)
        # Decisions: one closing in three days, one in a month, one draft.
        ProposalFactory(deadline=now + timedelta(days=3))
        ProposalFactory(deadline=now + timedelta(days=30))
        ProposalFactory(draft=True, deadline=now + timedelta(days=3))
        # Imports: a failed run, a finished one; a sheet waiting for its columns, one done.
        ImportRun.objects.create(
            kind=ImportKind.RNA, file_name=f"rna-{index}.csv", status=ImportStatus.FAILED
        )
        ImportRun.objects.create(
            kind=ImportKind.RNA, file_name="fini.csv", status=ImportStatus.SUCCEEDED
        )
        ContactImport.objects.create(filename=f"contacts-{index}.csv")
        ContactImport.objects.create(filename="fini.csv", status=ContactImportStatus.DONE)
        JobRun.objects.create(
            job=f"job-{index}", period_start=now - timedelta(hours=1), status=JobStatus.FAILED
        )
        # Activities: one in the fortnight, one later, one cancelled.
        ActivityFactory(starts_at=now + timedelta(days=3))
        ActivityFactory(starts_at=now + timedelta(days=20))
        ActivityFactory(starts_at=now + timedelta(days=2), status=ActivityStatus.CANCELLED)


@pytest.mark.django_db
@pytest.mark.parametrize("cast", ["member", "partner"])
def test_staff_home_is_refused_to_members_and_partners(request, client_for, cast):
    response = client_for(request.getfixturevalue(cast)).get(reverse("web:staff_home"))

    assert response.status_code == 403


@pytest.mark.django_db
def test_staff_home_sends_an_anonymous_visitor_to_sign_in(client):
    response = client.get(reverse("web:staff_home"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.django_db
@pytest.mark.parametrize("cast", ["staff", "administrator"])
def test_staff_home_opens_for_staff_with_every_section(request, client_for, cast):
    response = client_for(request.getfixturevalue(cast)).get(reverse("web:staff_home"))

    assert response.status_code == 200
    assert "INVALID_TEMPLATE_VARIABLE" not in response.content.decode()
    main = main_of(response)
    assert "<h1>Aujourd’hui pour l’équipe</h1>" in main
    headings = ["Agenda des 14 prochains jours", "Annuaire", "Accompagnement", "Imports"]
    for heading in headings:
        assert f">{heading}" in main
    assert "Aucune activité prévue d’ici 14 jours." in main
    assert "0 demande de rattachement à examiner" in main


@pytest.mark.django_db
def test_each_counter_counts_the_rows_waiting_and_links_to_their_page(client_for, staff):
    build(2)
    year = timezone.localdate().year

    main = main_of(client_for(staff).get(reverse("web:staff_home")))

    expected = {
        "claims": ("2 demandes de rattachement", "directory:staff_claims"),
        "proposals": ("2 propositions de modification", "directory:staff_proposals"),
        "family_review": ("2 structures « à vérifier »", "directory:staff_review"),
        "location_checks": ("2 lieux géocodés à confirmer", "directory:staff_location_checks"),
        "duplicates": ("2 doublons probables", "directory:staff_duplicates"),
        "stale": ("2 fiches à faire confirmer", "directory:staff_stale"),
        "referrals": ("2 orientations en attente de réponse", "journeys:case_list"),
        "next_steps": ("2 prochaines étapes arrivées à échéance", "journeys:case_list"),
        "services": ("2 services de partenaires à valider", "services:validation"),
        "renewals": (f"2 adhésions de {year - 1} pas encore renouvelées", "memberships:renewal"),
        "decisions": ("2 décisions dont le vote se clôt d’ici 7 jours", "decisions:list"),
        "directory_imports": ("2 imports de l’annuaire", "directory:imports"),
        "contact_imports": ("2 imports de contacts en attente", "people:import_upload"),
        "failed_jobs": ("2 tâches planifiées en échec", "web:periodic_jobs"),
    }
    for key, (text, url_name) in expected.items():
        item = counter(main, key)
        assert french(text) in item, (key, item)
        assert f'href="{reverse(url_name)}"' in item, key
    payments = counter(main, "payments")
    assert f"2 adhésions de {year} en attente de paiement" in payments
    assert f'href="{reverse("memberships:list")}?annee={year}&amp;statut=pending"' in payments


@pytest.mark.django_db
def test_due_items_link_to_the_case_the_decision_and_the_import(client_for, staff):
    build(1)
    step = NextStep.objects.get(title="Rappeler la mairie 0")
    proposal = ProposalFactory(deadline=timezone.now() + timedelta(days=1), title="Local commun")
    run = ImportRun.objects.get(file_name="rna-0.csv")
    sheet = ContactImport.objects.get(filename="contacts-0.csv")

    main = main_of(client_for(staff).get(reverse("web:staff_home")))

    steps = counter(main, "next_steps")
    assert f'href="{step.case.get_absolute_url()}"' in steps
    assert "Rappeler la mairie 0" in steps
    decisions = counter(main, "decisions")
    assert f'href="{proposal.get_absolute_url()}">Local commun</a>' in decisions
    imports = counter(main, "directory_imports")
    assert f'href="{reverse("directory:import_run", args=[run.pk])}"' in imports
    assert "interrompu" in imports
    contacts = counter(main, "contact_imports")
    assert f'href="{reverse("people:import", args=[sheet.pk])}"' in contacts


@pytest.mark.django_db
def test_a_long_queue_shows_its_first_items_and_how_many_more(client_for, staff):
    for _ in range(7):
        ReferralFactory()

    referrals = counter(main_of(client_for(staff).get(reverse("web:staff_home"))), "referrals")

    items = referrals.split('<ul class="desk-items">')[1]
    assert items.count("<li>") == 6  # five referrals, then the link to the rest
    assert "et 2 autres" in referrals


@pytest.mark.django_db
def test_the_fortnight_lists_each_activity_with_its_fill_rate(client_for, staff):
    now = timezone.now()
    soon = now + timedelta(days=3)
    workshop = ActivityFactory(title="Atelier compta", starts_at=soon, capacity=4)
    for _ in range(3):
        RegistrationFactory(activity=workshop)
    RegistrationFactory(activity=workshop, status=RegistrationStatus.CANCELLED)
    waiting = RegistrationStatus.WAITLISTED
    RegistrationFactory(activity=workshop, status=waiting, waitlist_position=1)
    ActivityFactory(title="Forum ouvert", starts_at=now + timedelta(days=5), capacity=None)
    ActivityFactory(title="Brouillon", starts_at=now + timedelta(days=6), draft=True)
    ActivityFactory(title="Dans un mois", starts_at=now + timedelta(days=30))
    ActivityFactory(title="Déjà passée", past=True)
    ActivityFactory(title="Annulée", starts_at=now + timedelta(days=4), status="cancelled")

    main = main_of(client_for(staff).get(reverse("web:staff_home")))

    agenda = main.split('id="desk-agenda"')[1].split("</section>")[0]
    assert "3 activités à venir d’ici 14 jours" in agenda
    assert f'href="{reverse("activities:staff_activity", args=[workshop.slug])}"' in agenda
    assert (
        f"3 inscriptions confirmées sur 4 places (75{NBSP}% de remplissage), "
        "1 en liste d’attente" in agenda
    )
    assert "0 inscription confirmée, sans limite de places" in agenda
    assert '<span class="badge">Brouillon</span>' in agenda
    for absent in ["Dans un mois", "Déjà passée", "Annulée"]:
        assert absent not in agenda
    assert agenda.index("Atelier compta") < agenda.index("Forum ouvert")


@pytest.mark.django_db
def test_staff_home_queries_stay_the_same_with_ten_times_the_rows(client_for, staff):
    client = client_for(staff)
    build(1)
    client.get(reverse("web:staff_home"))  # sessions, caches: warm once
    with CaptureQueriesContext(connection) as once:
        assert client.get(reverse("web:staff_home")).status_code == 200
    build(9)
    with CaptureQueriesContext(connection) as tenfold:
        response = client.get(reverse("web:staff_home"))

    assert "10 demandes de rattachement" in main_of(response)
    assert len(tenfold) == len(once), [q["sql"][:120] for q in tenfold.captured_queries]


@pytest.mark.django_db
def test_staff_see_the_back_office_bar_on_every_page_members_do_not(client_for, staff, member):
    html = client_for(staff).get(reverse("activities:staff_list")).content.decode()

    bar = html.split('aria-label="Navigation de l’équipe"')[1].split("</nav>")[0]
    assert f'href="{reverse("web:staff_home")}"' in bar
    assert '<a href="/agenda/equipe/" aria-current="page">Agenda</a>' in bar
    assert "/admin/" not in bar

    html = client_for(member).get(reverse("space:home")).content.decode()
    assert "Navigation de l’équipe" not in html


@pytest.mark.django_db
def test_member_space_puts_the_password_after_the_work(client_for, staff):
    main = main_of(client_for(staff).get(reverse("space:home")))

    assert f'href="{reverse("web:staff_home")}"' in main
    assert main.index("Gestion du pôle") < main.index("Mon compte")
    assert main.index("Mon compte") < main.index(reverse("accounts:password_change"))


@pytest.mark.django_db
def test_a_periodic_job_whose_last_run_failed_is_shown_until_it_succeeds(client_for, staff):
    failing, recovered = list(all_jobs())[:2]
    start = timezone.now() - timedelta(days=2)
    JobRun.objects.create(job=failing.name, period_start=start, status=JobStatus.FAILED)
    JobRun.objects.create(job=recovered.name, period_start=start, status=JobStatus.FAILED)
    JobRun.objects.create(
        job=recovered.name, period_start=start + timedelta(days=1), status=JobStatus.SUCCEEDED
    )

    jobs = counter(main_of(client_for(staff).get(reverse("web:staff_home"))), "failed_jobs")

    assert "1 tâche planifiée en échec" in jobs
    assert f'href="{reverse("web:periodic_jobs")}"' in jobs
    assert failing.description in jobs
    assert recovered.description not in jobs
