"""Each activity indicator counts the records built here, per action, objective and commune."""

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from maillage.activities import indicators
from maillage.activities.enums import ActivityKind, ActivityStatus, RegistrationStatus
from maillage.activities.models import AudienceCount
from maillage.plan.enums import PublicCategory
from maillage.plan.indicators import TOTAL, Period, Scope
from maillage.plan.links import link_actions, link_publics
from tests.activities.factories import ActivityFactory, RegistrationFactory
from tests.reports.conftest import YEAR

pytestmark = pytest.mark.django_db


def on(month, day, hours=2, **fields):
    start = datetime(YEAR, month, day, 9, tzinfo=timezone.get_default_timezone())
    return ActivityFactory(starts_at=start, ends_at=start + timedelta(hours=hours), **fields)


def test_activities_are_counted_by_kind_action_and_objective_once_each(plan, year):
    both = on(3, 1, kind=ActivityKind.TRAINING)
    link_actions(both, [plan.first, plan.second])
    link_actions(on(4, 1, kind=ActivityKind.EVENT), [plan.other])
    on(5, 1, kind=ActivityKind.EVENT)  # linked to nothing: only in the total
    on(6, 1, status=ActivityStatus.CANCELLED)
    on(6, 2, status=ActivityStatus.DRAFT)
    on(1, 1, kind=ActivityKind.EVENT)
    figures = indicators.activities(year)
    assert figures.total[ActivityKind.TRAINING] == 1
    assert figures.total[ActivityKind.EVENT] == 3
    assert figures.by_action[plan.first.pk][ActivityKind.TRAINING] == 1
    assert figures.by_action[plan.second.pk][ActivityKind.TRAINING] == 1
    # Linked to two actions of objective 1a, the training counts once for it.
    first_objective = plan.first.operational_objective
    assert figures.by_operational[first_objective.pk][ActivityKind.TRAINING] == 1
    assert figures.by_strategic[first_objective.strategic_objective_id][ActivityKind.EVENT] == 0
    assert figures.by_strategic[plan.other.operational_objective.strategic_objective_id] == {
        **{kind: 0 for kind in ActivityKind},
        ActivityKind.EVENT: 1,
    }


def test_activities_of_another_year_are_not_counted(plan, year):
    start = datetime(YEAR - 1, 12, 31, 22, tzinfo=timezone.get_default_timezone())
    ActivityFactory(starts_at=start, ends_at=start + timedelta(hours=4))
    assert indicators.activities(year).total[ActivityKind.TRAINING] == 0


def test_hours_sum_durations_and_count_a_shared_activity_once_per_objective(plan, year):
    shared = on(3, 1, hours=3, kind=ActivityKind.TRAINING)
    link_actions(shared, [plan.first, plan.second])
    link_actions(on(3, 2, hours=1.5, kind=ActivityKind.EVENT), [plan.first])
    hours = indicators.activity_hours(year)
    assert hours.total[TOTAL] == 4.5
    assert hours.by_action[plan.first.pk][TOTAL] == 4.5
    assert hours.by_action[plan.second.pk][TOTAL] == 3
    assert hours.by_operational[plan.first.operational_objective_id][TOTAL] == 4.5
    training = indicators.training_hours(year)
    assert training.total[TOTAL] == 3
    assert indicators.trainings(year).by_action[plan.second.pk][TOTAL] == 1


def test_registrations_count_confirmed_and_attendance_counts_present(plan, year):
    activity = on(3, 1)
    link_actions(activity, [plan.first])
    RegistrationFactory.create_batch(3, activity=activity, attended=True)
    RegistrationFactory(activity=activity)
    RegistrationFactory(activity=activity, status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(activity=activity, status=RegistrationStatus.CANCELLED)
    assert indicators.registrations(year).by_action[plan.first.pk][TOTAL] == 4
    assert indicators.attendance(year).by_action[plan.first.pk][TOTAL] == 3
    assert plan.other.pk not in indicators.attendance(year).by_action


def test_an_attendee_counts_under_each_public_the_activity_declared(plan, year):
    for_both = on(3, 1)
    link_publics(for_both, [plan.elected, plan.inhabitants])
    link_actions(for_both, [plan.first])
    RegistrationFactory.create_batch(2, activity=for_both, attended=True)
    RegistrationFactory(activity=for_both, attended=False)
    undeclared = on(3, 2)
    RegistrationFactory(activity=undeclared, attended=True)
    reached = indicators.people_reached(year)
    assert reached.total["elus"] == 2
    assert reached.total["habitants"] == 2
    assert reached.total[indicators.NO_PUBLIC] == 1
    assert reached.by_action[plan.first.pk][indicators.NO_PUBLIC] == 0


def test_audiences_sum_counts_by_category_and_commune(plan, year, commune):
    intervention = on(3, 1, kind=ActivityKind.AWARENESS, commune=commune)
    link_actions(intervention, [plan.first])
    AudienceCount.objects.create(activity=intervention, category=PublicCategory.SCOLAIRES, count=25)
    AudienceCount.objects.create(activity=intervention, category=PublicCategory.ELUS, count=4)
    audiences = indicators.audiences(year)
    assert audiences.total[PublicCategory.SCOLAIRES] == 25
    assert audiences.by_commune[commune.code][PublicCategory.ELUS] == 4
    assert audiences.commune_names[commune.code] == commune.name


def test_a_scope_of_actions_counts_only_their_records(plan):
    link_actions(on(3, 1), [plan.first])
    link_actions(on(3, 2), [plan.other])
    grant = Scope(Period.year(YEAR), actions=frozenset([plan.other.pk]))
    assert indicators.trainings(grant).total[TOTAL] == 1


def test_volunteer_hours_sum_per_action_and_count_a_shared_activity_once_per_objective(plan, year):
    shared = on(3, 1, volunteer_hours=Decimal("6.5"))
    link_actions(shared, [plan.first, plan.second])
    link_actions(on(3, 2, volunteer_hours=2), [plan.first])
    on(3, 3, volunteer_hours=10, status=ActivityStatus.CANCELLED)
    hours = indicators.volunteer_hours(year)
    assert hours.total[TOTAL] == 8.5
    assert hours.by_action[plan.first.pk][TOTAL] == 8.5
    assert hours.by_action[plan.second.pk][TOTAL] == 6.5
    assert hours.by_operational[plan.first.operational_objective_id][TOTAL] == 8.5
    assert plan.other.pk not in hours.by_action
