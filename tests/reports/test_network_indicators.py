"""Network indicators count the working groups, meetings, decisions and memberships built here."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from maillage.network.decisions import indicators as decisions
from maillage.network.decisions.enums import ProposalStatus
from maillage.network.memberships import indicators as memberships
from maillage.network.working_groups import indicators as groups
from maillage.network.working_groups.enums import WorkingGroupStatus
from maillage.plan.indicators import TOTAL
from maillage.plan.links import link_actions
from tests.activities.factories import ActivityFactory
from tests.decisions.factories import ProposalFactory
from tests.memberships.factories import CollegeFactory, MembershipFactory
from tests.reports.conftest import YEAR
from tests.working_groups.factories import MeetingFactory, WorkingGroupFactory

pytestmark = pytest.mark.django_db


def moment(month, day):
    return datetime(YEAR, month, day, 18, tzinfo=timezone.get_default_timezone())


def meeting(group, month, day):
    start = moment(month, day)
    activity = ActivityFactory(starts_at=start, ends_at=start + timedelta(hours=2))
    return MeetingFactory(group=group, activity=activity)


def test_groups_and_their_meetings_are_counted_through_the_group_links(plan, year):
    group = WorkingGroupFactory()
    link_actions(group, [plan.second])
    meeting(group, 3, 1)
    meeting(group, 4, 1)
    WorkingGroupFactory(status=WorkingGroupStatus.CLOSED)  # closed and never met
    WorkingGroupFactory()  # created after the year (today)
    assert groups.groups(year).total[TOTAL] == 1
    assert groups.groups(year).by_action[plan.second.pk][TOTAL] == 1
    assert groups.meetings(year).by_action[plan.second.pk][TOTAL] == 2
    assert groups.meetings(year).by_operational[plan.second.operational_objective_id][TOTAL] == 2


def test_decisions_are_proposals_closed_during_the_year(plan, year):
    group = WorkingGroupFactory()
    link_actions(group, [plan.first])
    ProposalFactory(group=group, status=ProposalStatus.CLOSED, closed_at=moment(6, 1), result={})
    ProposalFactory(status=ProposalStatus.CLOSED, closed_at=moment(7, 1), result={})
    ProposalFactory(group=group)  # still open
    figures = decisions.decisions(year)
    assert figures.total[TOTAL] == 2
    assert figures.total[decisions.WHOLE_MEMBERSHIP] == 1
    assert figures.by_action[plan.first.pk][decisions.GROUP] == 1


def test_memberships_in_good_standing_are_counted_by_college(year):
    organisations = CollegeFactory(slug="structures")
    people = CollegeFactory(slug="personnes")
    MembershipFactory.create_batch(2, year=YEAR, college=organisations, paid=True)
    MembershipFactory(year=YEAR, college=people, waived=True, of_person=True)
    MembershipFactory(year=YEAR, college=people)  # not paid yet
    MembershipFactory(year=YEAR - 1, college=people, paid=True)
    figures = memberships.members(year)
    assert figures.total == {"structures": 2, "personnes": 1}
    assert figures.by_action == {}
