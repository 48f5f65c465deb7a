import datetime

import pytest

from maillage.support.journeys.errors import JourneyError
from maillage.support.journeys.follow_up import (
    add_appointment,
    complete_next_step,
    plan_next_step,
)
from tests.journeys.factories import SupportCaseFactory


def test_an_appointment_before_the_case_opened_is_refused():
    case = SupportCaseFactory()

    with pytest.raises(JourneyError, match="précéder l’ouverture du dossier \\(2 mars 2026\\)"):
        add_appointment(case, datetime.date(2026, 3, 1), "Camille")

    assert not case.appointments.exists()


def test_an_appointment_on_the_opening_day_is_kept():
    case = SupportCaseFactory()

    add_appointment(case, datetime.date(2026, 3, 2), "Camille", "Premier échange.")

    assert case.appointments.get().notes == "Premier échange."


def test_a_next_step_due_before_today_is_refused():
    today = datetime.date(2026, 5, 10)

    with pytest.raises(JourneyError, match="ne peut pas précéder la création"):
        plan_next_step(SupportCaseFactory(), "Relancer", datetime.date(2026, 5, 9), today=today)


def test_marking_a_next_step_done_twice_changes_nothing_the_second_time():
    today = datetime.date(2026, 5, 10)
    step = plan_next_step(SupportCaseFactory(), "Relancer", today, today=today)

    assert complete_next_step(step, today=today)
    assert not complete_next_step(step, today=datetime.date(2026, 5, 12))
    step.refresh_from_db()
    assert step.done_on == today
