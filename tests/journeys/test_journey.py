import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError

from maillage.support.journeys.dashboard import case_stage_days, stage_durations
from maillage.support.journeys.errors import JourneyError
from maillage.support.journeys.journey import close_case, move_to_stage, update_case
from maillage.support.journeys.models import NextStep, Outcome, Stage, SupportCase
from tests.journeys.factories import OPENED, SupportCaseFactory

TODAY = datetime.date(2026, 6, 1)


def stage(slug):
    return Stage.objects.get(slug=slug)


def move(case, slug, day):
    return move_to_stage(case, stage(slug), datetime.date.fromisoformat(day), today=TODAY)


def test_a_new_case_starts_at_welcome_on_its_opening_day():
    case = SupportCaseFactory()

    assert case.stage.slug == "accueil"
    assert list(case.stage_changes.values_list("stage__slug", "changed_on")) == [
        ("accueil", OPENED)
    ]


def test_moving_a_case_records_the_date_and_the_time_spent_in_each_stage():
    case = SupportCaseFactory()
    move(case, "emergence", "2026-03-12")
    move(case, "structuration", "2026-04-11")

    case.refresh_from_db()
    assert case.stage.slug == "structuration"
    days = sorted(case_stage_days(case, today=TODAY).values())
    assert days == [10, 30, 51]
    stays = stage_durations(today=TODAY)
    assert stays[stage("accueil").pk].finished == [10]
    assert stays[stage("emergence").pk].finished == [30]
    assert stays[stage("structuration").pk].current == [51]


def test_a_stage_change_dated_before_the_last_one_is_refused():
    case = SupportCaseFactory()
    move(case, "emergence", "2026-04-01")

    with pytest.raises(JourneyError, match="depuis le 1er avril 2026"):
        move(case, "structuration", "2026-03-15")

    assert case.stage_changes.count() == 2


def test_a_stage_change_in_the_future_is_refused():
    with pytest.raises(JourneyError, match="futur"):
        move(SupportCaseFactory(), "emergence", "2026-06-02")


def test_the_final_stage_is_reached_only_through_the_outcome_form():
    with pytest.raises(JourneyError, match="formulaire des résultats"):
        move(SupportCaseFactory(), "clos", "2026-04-01")


def test_a_stage_removed_from_the_journey_is_refused():
    Stage.objects.filter(slug="lancement").update(is_active=False)

    with pytest.raises(JourneyError, match="ne fait plus partie"):
        move(SupportCaseFactory(), "lancement", "2026-04-01")


def test_moving_to_the_current_stage_is_refused():
    with pytest.raises(JourneyError, match="déjà à l’étape « Accueil »"):
        move(SupportCaseFactory(), "accueil", "2026-04-01")


def test_closing_records_the_outcome_and_the_final_stage():
    case = SupportCaseFactory()
    outcome = Outcome(activity_created=True, jobs_created=2, funding_amount=Decimal("15000"))

    close_case(case, outcome, datetime.date(2026, 5, 20), today=TODAY)

    case.refresh_from_db()
    assert case.closed_on == datetime.date(2026, 5, 20)
    assert case.stage.slug == "clos"
    assert case.outcome.jobs_created == 2
    with pytest.raises(JourneyError, match="clos depuis le 20 mai 2026"):
        move(case, "emergence", "2026-05-25")


def test_a_closed_case_cannot_be_closed_twice():
    case = SupportCaseFactory()
    close_case(case, Outcome(activity_created=False), datetime.date(2026, 5, 20), today=TODAY)

    with pytest.raises(JourneyError, match="clos"):
        close_case(case, Outcome(activity_created=False), datetime.date(2026, 5, 21), today=TODAY)
    assert Outcome.objects.count() == 1


def test_closing_before_the_last_stage_change_is_refused():
    case = SupportCaseFactory()
    move(case, "emergence", "2026-04-01")

    with pytest.raises(JourneyError, match="ne peut pas la précéder"):
        close_case(case, Outcome(activity_created=False), datetime.date(2026, 3, 20), today=TODAY)
    assert not Outcome.objects.exists()


def test_the_opening_date_cannot_move_past_the_first_stage_change():
    case = SupportCaseFactory()
    move(case, "emergence", "2026-03-10")
    case.opened_on = datetime.date(2026, 3, 20)

    with pytest.raises(JourneyError, match="premier événement"):
        update_case(case, case.holders.all(), [], today=TODAY)


def test_moving_the_opening_date_earlier_moves_the_first_stage_change_with_it():
    case = SupportCaseFactory()
    case.opened_on = datetime.date(2026, 2, 1)

    update_case(case, case.holders.all(), [], today=TODAY)

    assert case.stage_changes.get().changed_on == datetime.date(2026, 2, 1)


def test_the_database_refuses_a_closing_date_before_the_opening():
    case = SupportCaseFactory()

    with pytest.raises(IntegrityError):
        SupportCase.objects.filter(pk=case.pk).update(closed_on=datetime.date(2026, 1, 1))


def test_the_database_refuses_a_next_step_due_before_its_creation():
    case = SupportCaseFactory()

    with pytest.raises(IntegrityError):
        NextStep.objects.create(
            case=case,
            title="Relancer",
            created_on=datetime.date(2026, 5, 1),
            due_on=datetime.date(2026, 4, 1),
        )
