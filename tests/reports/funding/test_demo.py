"""The demonstration funding: dated from the day of loading, marked fictitious, idempotent."""

from datetime import timedelta

import pytest
from django.core import mail

from maillage.core import demo
from maillage.plan.links import actions_of
from maillage.reports.funding.demo import create_demo_funding
from maillage.reports.funding.models import ActionExpense, Funder, Grant, Mandate, ReportDue
from tests.people.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_people(db):
    people = [PersonFactory(), PersonFactory()]
    demo.mark(*people)
    return people


def test_the_demo_gives_two_grants_of_this_year_with_schedules_and_a_report_due(
    loaded_plan, demo_people
):
    create_demo_funding()

    today = demo.today()
    grants = Grant.objects.all()
    assert grants.count() == 2
    for grant in grants:
        assert grant.starts_on.year == grant.ends_on.year == today.year
        assert actions_of(grant).exists()
        assert grant.scheduled_total() == grant.amount
    soon = ReportDue.objects.filter(due_on__lte=today + timedelta(days=30))
    assert soon.count() == 2
    assert Mandate.objects.filter(person__in=demo_people).count() == 2
    assert demo.only_demo(Funder.objects.all()).count() == Funder.objects.count() == 2
    assert demo.only_demo(Grant.objects.all()).count() == 2
    assert mail.outbox == []


def test_loading_the_demo_twice_creates_nothing_more(loaded_plan, demo_people):
    create_demo_funding()

    assert create_demo_funding() == 0
    assert Grant.objects.count() == 2
    assert Mandate.objects.count() == 2


def test_a_demo_loaded_on_an_earlier_day_is_dated_again_from_today(
    loaded_plan, demo_people, time_machine
):
    time_machine.move_to("2026-03-01 10:00 +01:00")
    create_demo_funding()
    time_machine.move_to("2027-02-01 10:00 +01:00")

    demo.renew()
    create_demo_funding()

    assert {g.starts_on.year for g in Grant.objects.all()} == {2027}
    assert Funder.objects.count() == 2
    assert set(ActionExpense.objects.values_list("year", flat=True)) == {2026, 2027}


def test_the_demo_gives_expenses_by_action_for_this_year_and_the_last(loaded_plan, demo_people):
    create_demo_funding()

    year = demo.today().year
    for each in (year, year - 1):
        expenses = ActionExpense.objects.filter(year=each)
        assert expenses.count() == 4
        assert demo.only_demo(expenses).count() == 4
    assert create_demo_funding() == 0
    assert ActionExpense.objects.count() == 8
