"""The retention purge: cases closed longer ago than the declared five years are anonymised in
place; open and recent cases are untouched, and the dashboard counts the same afterwards."""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.management import call_command

from maillage.network.people.models import Person
from maillage.support.journeys import dashboard, follow_up, referrals
from maillage.support.journeys.journey import close_case, move_to_stage
from maillage.support.journeys.models import Outcome, Referral, Stage, SupportCase
from maillage.support.journeys.retention import purge_closed_cases
from tests.directory.factories import LegalUnitFactory
from tests.journeys.factories import SupportCaseFactory
from tests.services.factories import ServiceFactory

TODAY = datetime.date(2031, 6, 1)
FIVE_YEARS = datetime.timedelta(days=5 * 365)


def on(day: str) -> datetime.date:
    return datetime.date.fromisoformat(day)


def closed_case(opened: str, closed: str, title: str, **figures) -> SupportCase:
    """A case with something of every kind of record, then closed with its outcome."""
    unit = LegalUnitFactory()
    case = SupportCaseFactory(opened_on=on(opened), title=title, notes="Situation délicate")
    case.organisations.add(unit)
    case.description = "Épicerie de Lou Fictive, rue du Port"
    case.save()
    follow_up.add_appointment(case, on(opened), "Lou Fictive", "Budget à revoir")
    follow_up.add_note(case, "Rappeler Lou jeudi", None)
    follow_up.add_document(case, "Pièce d’identité de Lou", ContentFile(b"x", name="id.pdf"), None)
    follow_up.plan_next_step(case, "Appeler Lou", on(opened), today=on(opened))
    service = ServiceFactory(on_offer=True, provider__name="BGE fictive")
    referral = referrals.refer(case, service, message="Lou a besoin d’un prêt", today=on(opened))
    referrals.decline(referral, None, "Lou habite hors secteur", today=on(opened))
    move_to_stage(case, Stage.objects.get(slug="emergence"), on(opened) + datetime.timedelta(9),
                  today=TODAY)  # fmt: skip
    close_case(case, Outcome(**figures), on(closed), today=TODAY)
    case.refresh_from_db()
    return case


def test_a_case_closed_more_than_five_years_ago_keeps_nothing_about_its_people(settings):
    case = closed_case("2025-01-10", "2026-05-01", "Épicerie de Lou", activity_created=True)
    holder = case.holders.get()
    document = case.documents.get()
    path = settings.SUPPORT_DOCUMENTS_ROOT / document.file.name

    assert purge_closed_cases(today=TODAY) == 1

    case.refresh_from_db()
    assert (case.title, case.description, case.notes) == ("Dossier anonymisé", "", "")
    assert case.anonymised_on == TODAY
    assert not case.holders.exists()
    assert not case.organisations.exists()
    appointment = case.appointments.get()
    assert (appointment.with_whom, appointment.notes) == ("Personne effacée", "")
    assert case.case_notes.get().text == "Note effacée"
    document.refresh_from_db()
    assert (document.title, document.file.name) == ("Document effacé", "")
    assert not path.exists()
    assert case.next_steps.get().title == "Étape effacée"
    referral = case.referrals.get()
    assert (referral.message, referral.decline_reason) == ("", "Motif effacé")
    # The address book person has its own retention (purge_inactive_contacts).
    assert Person.objects.filter(pk=holder.pk).exists()


def test_recent_and_open_cases_are_kept():
    recent = closed_case("2026-01-10", "2026-06-02", "Clos il y a moins de cinq ans",
                         activity_created=False)  # fmt: skip
    old_but_open = SupportCaseFactory(opened_on=on("2020-01-01"), title="Toujours suivi")

    assert purge_closed_cases(today=TODAY) == 0

    recent.refresh_from_db()
    old_but_open.refresh_from_db()
    assert recent.title == "Clos il y a moins de cinq ans"
    assert recent.anonymised_on is None
    assert old_but_open.title == "Toujours suivi"
    assert recent.holders.exists()
    assert old_but_open.holders.exists()


def test_the_limit_is_five_years_after_closing_by_default():
    closed = TODAY - FIVE_YEARS
    on_the_day = closed_case("2025-06-01", closed.isoformat(), "Cinq ans pile",
                             activity_created=False)  # fmt: skip

    assert purge_closed_cases(today=TODAY) == 0
    assert purge_closed_cases(today=TODAY + datetime.timedelta(days=1)) == 1

    on_the_day.refresh_from_db()
    assert on_the_day.title == "Dossier anonymisé"


def test_the_retention_period_is_a_setting(settings):
    settings.SUPPORT_CASE_RETENTION_DAYS = 30
    case = closed_case("2029-01-05", "2029-04-01", "Clos il y a deux ans", activity_created=False)

    assert purge_closed_cases(today=TODAY) == 1

    case.refresh_from_db()
    assert case.title == "Dossier anonymisé"


def test_a_second_run_anonymises_nothing_more():
    closed_case("2025-01-10", "2026-05-01", "Épicerie de Lou", activity_created=False)

    assert purge_closed_cases(today=TODAY) == 1
    assert purge_closed_cases(today=TODAY) == 0


def test_the_dashboard_counts_the_same_after_the_purge():
    closed_case("2025-01-10", "2026-03-01", "Épicerie", activity_created=True, jobs_created=2,
                structure=LegalUnitFactory(), funding_amount=Decimal("5000.50"),
                funding_source="Région")  # fmt: skip
    closed_case("2025-02-10", "2026-05-01", "Recyclerie", activity_created=False)
    closed_case("2028-02-10", "2029-05-01", "Tiers-lieu", activity_created=True, jobs_created=1)
    SupportCaseFactory(opened_on=on("2030-01-01"))
    before = dashboard.all_tables()

    assert purge_closed_cases(today=TODAY) == 2

    assert dashboard.all_tables() == before
    assert dashboard.outcomes_per_year().rows == [
        ["2026", 2, 1, 2, 1, Decimal("5000.50")],
        ["2029", 1, 1, 1, 0, Decimal("0.00")],
    ]
    assert Referral.objects.count() == 3


def test_the_command_runs_the_purge_and_says_how_many(capsys):
    closed_case("2019-01-10", "2020-05-01", "Très ancien", activity_created=False)

    call_command("purge_closed_cases")

    output = capsys.readouterr().out
    assert "Durée de conservation : 1825 jours après la clôture." in output
    assert "dossiers anonymisés : 1" in output
    assert SupportCase.objects.get().title == "Dossier anonymisé"
