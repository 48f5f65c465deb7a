import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.formats import number_format

from maillage.support.journeys import dashboard, referrals
from maillage.support.journeys.journey import close_case, move_to_stage
from maillage.support.journeys.models import Outcome, Stage
from tests.directory.factories import LegalUnitFactory
from tests.journeys.factories import SupportCaseFactory
from tests.services.factories import ServiceFactory

TODAY = datetime.date(2026, 12, 31)


def on(day: str) -> datetime.date:
    return datetime.date.fromisoformat(day)


def move(case, slug, day):
    move_to_stage(case, Stage.objects.get(slug=slug), on(day), today=TODAY)


def close(case, day, **figures):
    close_case(case, Outcome(**figures), on(day), today=TODAY)


@pytest.fixture
def cases():
    first = SupportCaseFactory(opened_on=on("2025-01-10"))
    move(first, "emergence", "2025-01-20")  # 10 days at welcome
    close(first, "2025-06-01", activity_created=True, jobs_created=2, structure=LegalUnitFactory(),
          funding_amount=Decimal("5000.50"))  # fmt: skip
    second = SupportCaseFactory(opened_on=on("2026-02-01"), collective=True)
    move(second, "emergence", "2026-02-21")  # 20 days at welcome
    third = SupportCaseFactory(opened_on=on("2026-03-01"), collective=True)
    move(third, "emergence", "2026-04-01")  # 31 days at welcome
    fourth = SupportCaseFactory(opened_on=on("2026-05-01"))
    close(fourth, "2026-07-01", activity_created=False)
    return first, second, third, fourth


def row(table, label):
    return next(row for row in table.rows if row[0] == label)


def test_open_cases_are_counted_by_stage_and_kind(cases):
    table = dashboard.open_by_stage_and_kind()

    assert table.headers[1:3] == ["Projet individuel", "Projet collectif"]
    assert row(table, "Émergence")[1:3] == [0, 2]
    assert row(table, "Total")[-1] == 2


def test_time_per_stage_counts_finished_stays_and_open_cases_up_to_today(cases):
    table = dashboard.time_per_stage(today=TODAY)

    assert table.headers == ["Étape", "Passages terminés", "Passages en cours",
                             "Durée médiane (jours)"]  # fmt: skip
    # Welcome: 10, 20, 31 and 61 days, all finished.
    assert row(table, "Accueil")[1:] == [4, 0, Decimal("25.5")]
    # Emergence: 132 days (closed since), and two open cases there since 21 February (313
    # days by 31 December) and 1 April (274 days).
    assert row(table, "Émergence")[1:] == [1, 2, Decimal("274")]
    assert row(table, "Lancement")[1:] == [0, 0, "—"]


def test_the_current_stay_of_an_open_case_grows_with_today():
    case = SupportCaseFactory(opened_on=on("2026-01-01"))

    days = [
        row(dashboard.time_per_stage(today=on(d)), "Accueil")[1:]
        for d in ("2026-01-11", "2026-03-02")
    ]

    assert days == [[0, 1, Decimal("10")], [0, 1, Decimal("60")]]
    assert case.stage.slug == "accueil"


def test_referrals_are_counted_by_partner_and_status(cases):
    service = ServiceFactory(on_offer=True, provider__name="BGE fictive")
    first = referrals.refer(cases[1], service, today=TODAY)
    referrals.refer(cases[2], service, today=TODAY)
    referrals.accept(first, None, today=TODAY)
    withdrawn = SupportCaseFactory(opened_on=on("2026-06-01"))
    referrals.refer(withdrawn, service, today=TODAY)
    close(withdrawn, "2026-12-31", activity_created=False)

    table = dashboard.referrals_by_partner()

    assert table.headers[1:-1] == ["Envoyée", "Acceptée", "Déclinée", "Réalisée",
                                   "Annulée (dossier clos)"]  # fmt: skip
    assert table.rows == [["BGE fictive", 1, 1, 0, 0, 1, 3]]


def test_outcomes_are_counted_per_year_of_closing(cases):
    table = dashboard.outcomes_per_year()

    assert table.rows == [
        ["2025", 1, 1, 2, 1, Decimal("5000.50")],
        ["2026", 1, 0, 0, 0, Decimal("0.00")],
    ]


def test_cases_are_counted_by_plan_action_and_year(cases, loaded_plan):
    from maillage.plan.links import link_actions
    from maillage.plan.models import Action

    action = Action.objects.get(code="2c.3")
    for case in cases[:3]:
        link_actions(case, [action])

    table = dashboard.cases_by_action()

    assert table.headers == ["Action", "2025", "2026"]
    assert table.rows == [[f"2c.3 {action.title}", 1, 2]]


def test_the_dashboard_names_every_table_by_its_heading_once(client_for, staff, cases):
    page = client_for(staff).get(reverse("journeys:dashboard")).content.decode()

    for table in dashboard.all_tables():
        assert f'<h2 id="tableau-{table.slug}">{table.caption}</h2>' in page
        assert f'<table aria-labelledby="tableau-{table.slug}">' in page
    assert "<caption>" not in page  # the heading already names it: read once, not twice
    assert number_format(Decimal("5000.50"), force_grouping=True) in page


def test_the_csv_export_defuses_formulas_and_uses_a_decimal_comma(client_for, staff, cases):
    service = ServiceFactory(on_offer=True, provider__name='=HYPERLINK("http://x")')
    referrals.refer(cases[1], service, today=TODAY)
    client = client_for(staff)

    partners = client.get(reverse("journeys:dashboard_csv", args=["orientations-par-partenaire"]))
    outcomes = client.get(reverse("journeys:dashboard_csv", args=["resultats-par-annee"]))

    assert partners["Content-Type"] == "text/csv; charset=utf-8"
    assert "'=HYPERLINK" in partners.content.decode()
    assert "2025;1;1;2;1;5000,50" in outcomes.content.decode()


def test_an_unknown_csv_table_is_a_404(client_for, staff):
    url = reverse("journeys:dashboard_csv", args=["inconnu"])

    assert client_for(staff).get(url).status_code == 404


def test_partners_sharing_a_name_are_two_rows_listed_by_name(cases):
    later = ServiceFactory(on_offer=True, provider__name="Zèbre conseil")
    first_twin = ServiceFactory(on_offer=True, provider__name="Atelier")
    second_twin = ServiceFactory(on_offer=True, provider__name="Atelier")
    for service in (later, second_twin, first_twin, second_twin):
        referrals.refer(SupportCaseFactory(opened_on=on("2026-06-01")), service, today=TODAY)

    table = dashboard.referrals_by_partner()

    assert [(row[0], row[-1]) for row in table.rows] == [
        ("Atelier", 1),
        ("Atelier", 2),
        ("Zèbre conseil", 1),
    ]


def test_cases_by_action_follow_the_plan_order_not_the_order_of_creation(cases, loaded_plan):
    from maillage.plan.links import link_actions
    from maillage.plan.models import Action

    earlier, later = Action.objects.filter(operational_objective__code="2c").order_by("pk")[:2]
    # Moved to the end of its objective: the plan now lists it after the one created after it.
    Action.objects.filter(pk=earlier.pk).update(position=later.position + 1)
    link_actions(cases[0], [earlier])
    link_actions(cases[1], [later])

    table = dashboard.cases_by_action()

    assert [row[0].split()[0] for row in table.rows] == [later.code, earlier.code]
