import datetime

from django.core import mail
from django.core.management import call_command

from maillage.support.journeys.follow_up import plan_next_step
from maillage.support.journeys.tasks import send_next_step_reminders
from tests.factories import UserFactory
from tests.journeys.factories import SupportCaseFactory

CREATED = datetime.date(2026, 5, 1)


def step(assigned_to, due="2026-05-10", **kwargs):
    case = SupportCaseFactory(**kwargs)
    return plan_next_step(
        case, "Relancer la mairie", datetime.date.fromisoformat(due), assigned_to, today=CREATED
    )


def test_the_assignee_is_reminded_once_of_a_step_that_falls_due(staff):
    step(staff)

    assert send_next_step_reminders.call("2026-05-10") == 1
    assert send_next_step_reminders.call("2026-05-11") == 0

    assert [message.to for message in mail.outbox] == [[staff.email]]
    assert "Relancer la mairie" in mail.outbox[0].subject
    assert "10 mai 2026" in mail.outbox[0].body


def test_no_reminder_for_a_step_done_or_not_yet_due(staff):
    done = step(staff)
    done.done_on = CREATED
    done.save()
    step(staff, due="2026-05-20")

    assert send_next_step_reminders.call("2026-05-10") == 0
    assert mail.outbox == []


def test_no_reminder_to_a_deactivated_account():
    step(UserFactory(staff=True, is_active=False))

    assert send_next_step_reminders.call("2026-05-10") == 0


def test_the_daily_command_queues_the_reminders(staff):
    step(staff)

    call_command("send_next_step_reminders", "--date", "2026-05-12", stdout=None)

    assert len(mail.outbox) == 1
