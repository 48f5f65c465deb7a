"""Needs indicators count the needs built here: expressed by origin, qualified, answered, the
supports they gathered and the organisations that offered help, per action and per commune."""

from datetime import date, datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from maillage.needs import indicators, lifecycle
from maillage.needs.enums import ExpressedBy, NeedStatus
from maillage.needs.models import HelpOffer, Step, Support
from maillage.plan.indicators import TOTAL, indicator_named, targetable
from maillage.plan.links import link_actions
from maillage.reports.indicators.models import Target
from tests.directory.factories import LegalUnitFactory
from tests.factories import UserFactory
from tests.needs.factories import NeedFactory
from tests.reports.conftest import YEAR

pytestmark = pytest.mark.django_db


def moment(year, month, day):
    return datetime(year, month, day, 10, tzinfo=timezone.get_default_timezone())


def stepped(need, *moves):
    """Record the need's moves: (from, to, day), as lifecycle.move leaves them."""
    for from_status, to_status, day in moves:
        Step.objects.create(
            need=need, from_status=from_status, to_status=to_status, decided_on=day, reason="Vu"
        )
    need.status = moves[-1][1]
    need.save()
    return need


def test_needs_expressed_in_the_year_are_counted_by_origin(plan, year, commune):
    linked = NeedFactory(created_at=moment(YEAR, 3, 1), expressed_by=ExpressedBy.WORKSHOP)
    linked.communes.add(commune)
    link_actions(linked, [plan.other])
    NeedFactory(created_at=moment(YEAR, 4, 1), private=True)  # the hub's work all the same
    NeedFactory(created_at=moment(YEAR, 5, 1), merged_into=linked)  # counted as the one kept
    NeedFactory(created_at=moment(YEAR, 6, 1), unconfirmed=True)  # never confirmed
    NeedFactory(created_at=moment(YEAR - 1, 12, 31))  # the year before
    figures = indicators.expressed(year)
    assert figures.total[ExpressedBy.INHABITANT] == 1
    assert figures.total[ExpressedBy.WORKSHOP] == 1
    assert set(figures.by_action) == {plan.other.pk}
    assert figures.by_action[plan.other.pk][ExpressedBy.WORKSHOP] == 1
    assert figures.by_commune[commune.code][ExpressedBy.WORKSHOP] == 1


def test_needs_answered_are_those_whose_answer_came_in_the_year(plan, year, commune):
    s, q, a = NeedStatus.SUBMITTED, NeedStatus.QUALIFIED, NeedStatus.ANSWERED
    answered = stepped(NeedFactory(), (s, q, date(YEAR - 1, 10, 1)), (q, a, date(YEAR, 2, 1)))
    answered.communes.add(commune)
    link_actions(answered, [plan.other, plan.first])
    stepped(NeedFactory(), (s, q, date(YEAR, 1, 5)), (q, a, date(YEAR + 1, 1, 2)))  # next year
    stepped(NeedFactory(), (s, NeedStatus.SET_ASIDE, date(YEAR, 3, 1)))  # set aside
    figures = indicators.answered(year)
    assert figures.total[TOTAL] == 1
    assert figures.by_action[plan.other.pk][TOTAL] == 1
    assert figures.by_strategic[plan.other.operational_objective.strategic_objective_id] == {
        TOTAL: 1
    }
    assert figures.by_commune == {commune.code: {TOTAL: 1}}


def test_qualification_is_leaving_the_first_step_for_a_later_one(year):
    first = NeedStatus.SUBMITTED
    stepped(NeedFactory(), (first, NeedStatus.QUALIFIED, date(YEAR, 2, 1)))
    stepped(NeedFactory(), (first, NeedStatus.PRIORITISED, date(YEAR, 3, 1)))  # a step jumped
    stepped(NeedFactory(), (first, NeedStatus.SET_ASIDE, date(YEAR, 3, 1)))  # not qualified
    stepped(NeedFactory(), (first, NeedStatus.QUALIFIED, date(YEAR - 1, 3, 1)))
    assert indicators.qualified(year).total[TOTAL] == 2


def test_supports_given_in_the_year_are_counted_through_the_need(plan, year):
    need = NeedFactory()
    link_actions(need, [plan.second])
    for day in (moment(YEAR, 1, 2), moment(YEAR, 7, 14), moment(YEAR - 1, 7, 14)):
        Support.objects.create(need=need, user=UserFactory(), created_at=day)
    figures = indicators.supports(year)
    assert figures.total[TOTAL] == 2
    assert figures.by_action == {plan.second.pk: {TOTAL: 2}}


def test_an_organisation_helping_with_two_needs_counts_once(year, commune):
    helper, other = LegalUnitFactory(), LegalUnitFactory()
    first, second = NeedFactory(), NeedFactory()
    first.communes.add(commune)
    for need, organisation in ((first, helper), (second, helper), (second, other)):
        HelpOffer.objects.create(
            need=need, legal_unit=organisation, what="Une salle", created_at=moment(YEAR, 5, 5)
        )
    figures = indicators.organisations_helping(year)
    assert figures.total[TOTAL] == 2
    assert figures.by_commune == {commune.code: {TOTAL: 1}}


def test_the_report_finds_needs_answered_and_staff_may_give_it_a_target():
    answered = indicator_named("needs_answered")
    assert answered is not None
    assert answered.label == "Besoins répondus"
    assert answered in targetable()


def test_the_year_s_draft_report_shows_needs_answered_beside_their_target(client_for, staff, plan):
    this_year = timezone.localdate().year
    need = NeedFactory(title="Une laverie solidaire")
    link_actions(need, [plan.other])
    lifecycle.move(need, NeedStatus.ANSWERED, lifecycle.Decision("La laverie a ouvert."))
    Target.objects.create(action=plan.other, indicator="needs_answered", year=this_year, value=3)
    page = client_for(staff).get(reverse("annual:report", args=[this_year])).content.decode()
    assert "Besoins répondus" in page
    assert f"Action {plan.other.code}" in page
