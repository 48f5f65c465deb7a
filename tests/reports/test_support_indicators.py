"""Support indicators count the cases, outcomes and referrals built here."""

from datetime import date

import pytest

from maillage.plan.indicators import TOTAL
from maillage.plan.links import link_actions
from maillage.support.journeys import indicators
from maillage.support.journeys.enums import ReferralStatus
from maillage.support.journeys.journey import close_case
from maillage.support.journeys.models import Outcome, Stage
from maillage.support.journeys.stage_file import load_stages
from tests.journeys.factories import ReferralFactory, SupportCaseFactory
from tests.reports.conftest import YEAR

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def stages(db, tmp_path_factory):
    load_stages(tmp_path_factory.mktemp("hub"))


def closed(case, on, **outcome):
    close_case(case, Outcome(activity_created=False, **outcome), on, today=date(2030, 1, 1))
    return case


def test_cases_followed_in_the_year_are_counted_by_their_current_stage(plan, year, commune):
    first_stage = Stage.objects.first_open()
    linked = SupportCaseFactory(opened_on=date(YEAR - 1, 11, 2), commune=commune)
    link_actions(linked, [plan.other])
    SupportCaseFactory(opened_on=date(YEAR, 5, 2))
    SupportCaseFactory(opened_on=date(YEAR + 1, 1, 2))  # opened after the year
    closed(SupportCaseFactory(opened_on=date(YEAR - 2, 1, 2)), date(YEAR - 1, 6, 1))
    figures = indicators.cases_by_stage(year)
    assert figures.total[first_stage.slug] == 2
    assert figures.by_action[plan.other.pk][first_stage.slug] == 1
    assert figures.by_commune[commune.code][first_stage.slug] == 1
    assert indicators.new_cases(year).total[TOTAL] == 1


def test_closed_cases_are_counted_by_outcome_with_the_jobs_created(plan, year):
    created = SupportCaseFactory(opened_on=date(YEAR, 1, 5))
    link_actions(created, [plan.other])
    close_case(
        created,
        Outcome(activity_created=True, jobs_created=3),
        date(YEAR, 9, 1),
        today=date(2030, 1, 1),
    )
    closed(SupportCaseFactory(opened_on=date(YEAR, 1, 5)), date(YEAR, 10, 1))
    outcomes = indicators.closed_cases(year)
    assert outcomes.total[indicators.CREATED] == 1
    assert outcomes.total[indicators.NOT_CREATED] == 1
    assert outcomes.by_action[plan.other.pk][indicators.CREATED] == 1
    assert indicators.jobs_created(year).by_action[plan.other.pk][TOTAL] == 3
    assert indicators.jobs_created(year).total[TOTAL] == 3


def test_referrals_of_the_year_are_counted_by_answer_through_their_case(plan, year):
    case = SupportCaseFactory(opened_on=date(YEAR, 1, 5))
    link_actions(case, [plan.other])
    ReferralFactory(case=case, sent_on=date(YEAR, 2, 1), status=ReferralStatus.ACCEPTED)
    ReferralFactory(
        case=case, sent_on=date(YEAR, 2, 2), status=ReferralStatus.DECLINED, decline_reason="Non"
    )
    ReferralFactory(case=case, sent_on=date(YEAR - 1, 2, 2))
    referrals = indicators.referrals(year)
    assert referrals.by_action[plan.other.pk][ReferralStatus.ACCEPTED] == 1
    assert referrals.by_action[plan.other.pk][ReferralStatus.DECLINED] == 1
    assert referrals.total[ReferralStatus.SENT] == 0
