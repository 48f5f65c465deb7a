"""The report's figures cost the database work in proportion to the records, not to records ×
plan actions: SQLite counts the virtual-machine steps of every query (a measure of work that
the machine's load does not change), at one size and at four times it."""

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from maillage.plan.links import link_actions, link_publics
from maillage.plan.models import Action, OperationalObjective, StrategicObjective
from maillage.reports.annual.building import build_content
from maillage.reports.annual.freezing import report_of
from tests.activities.factories import ActivityFactory, RegistrationFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "sqlite", reason="SQLite counts its steps; PostgreSQL does not."
    ),
]

STEPS_PER_CALL = 1000


def _grow(plan, year, tag, actions):
    """`actions` more actions, each with two activities (three attendees each) linked to it."""
    strategic = StrategicObjective.objects.create(code=f"8{tag}", title=f"Objectif {tag}")
    operational = OperationalObjective.objects.create(
        strategic_objective=strategic, code=f"8{tag}a", title="Sous-objectif"
    )
    zone = timezone.get_default_timezone()
    for index in range(actions):
        action = Action.objects.create(
            operational_objective=operational, code=f"8{tag}.{index}", title=f"Action {index}"
        )
        for day in (1, 2):
            start = datetime(year, 3, day, 9, tzinfo=zone) + timedelta(days=index % 200)
            activity = ActivityFactory(starts_at=start, ends_at=start + timedelta(hours=2))
            link_actions(activity, [action, plan.first])
            link_publics(activity, [plan.elected])
            RegistrationFactory.create_batch(3, activity=activity, attended=True)


def _steps(report) -> int:
    """Thousands of SQLite virtual-machine steps spent building the report's content."""
    counted = [0]

    def count() -> int:
        counted[0] += 1
        return 0  # go on

    connection.ensure_connection()
    raw = connection.connection
    raw.set_progress_handler(count, STEPS_PER_CALL)
    try:
        build_content(report)
    finally:
        raw.set_progress_handler(None, STEPS_PER_CALL)
    return counted[0]


def test_four_times_the_actions_and_activities_cost_about_four_times_the_work(plan):
    year = timezone.localdate().year
    report = report_of(year)
    _grow(plan, year, "a", actions=10)
    build_content(report)  # warms the content types
    small = _steps(report)
    _grow(plan, year, "b", actions=30)
    large = _steps(report)
    # With a subquery per plan action over every record (the first version) this was 36.
    assert large / small < 6, (small, large)
