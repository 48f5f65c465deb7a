"""The demonstration lives on any day: loaded on a given day (a year later too), it has upcoming
activities open for registration and a waiting list, past ones with attendance and satisfaction,
a decision the demo member can vote on, this year's memberships, support cases at every stage
and renewals due."""

from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from maillage.accounts.models import User
from maillage.activities.enums import RegistrationStatus
from maillage.activities.models import Activity, Registration, SatisfactionAnswer
from maillage.core import demo
from maillage.mail import is_email_task
from maillage.network.decisions.eligibility import voters_for
from maillage.network.decisions.models import Proposal
from maillage.network.memberships.models import Membership
from maillage.network.memberships.renewal import not_renewed
from maillage.network.people.models import Affiliation
from maillage.support.journeys.models import Stage, SupportCase
from tests.activities.factories import ActivityFactory
from tests.journeys.factories import SupportCaseFactory
from tests.workers import DATABASE_TASKS

PARIS = ZoneInfo("Europe/Paris")
DAYS = [
    datetime(2026, 12, 7, 10, tzinfo=PARIS),
    datetime(2027, 1, 2, 10, tzinfo=PARIS),  # a new year just begun
    datetime(2027, 7, 14, 10, tzinfo=PARIS),
    datetime(2027, 12, 7, 10, tzinfo=PARIS),  # a year later
]


@pytest.mark.django_db
@pytest.mark.parametrize("day", DAYS, ids=lambda day: day.date().isoformat())
def test_the_demo_loaded_on_any_day_shows_every_side_of_the_platform(client, day):
    with time_machine.travel(day, tick=False):
        call_command("load_hub", stdout=StringIO())
        call_command("load_demo", stdout=StringIO())
        now, year = timezone.now(), timezone.localdate().year
        upcoming = Activity.objects.public().upcoming(now)
        past = Activity.objects.published().past(now)
        assert any(activity.registration_is_open(now) for activity in upcoming)
        assert Registration.objects.filter(
            activity__in=upcoming, status=RegistrationStatus.WAITLISTED
        ).exists()
        assert Registration.objects.filter(activity__in=past, attended=True).exists()
        assert SatisfactionAnswer.objects.filter(registration__activity__in=past).exists()

        member = User.objects.get(email="adherent@demo.maillage.test")
        open_votes = [p for p in Proposal.objects.all() if p.accepts_votes(now)]
        assert any(voters_for(member, proposal) for proposal in open_votes)
        assert Affiliation.objects.filter(
            person__user=member, legal_unit__memberships__year=year
        ).exists()
        assert Membership.objects.of_year(year).in_good_standing().exists()
        assert not_renewed(year).exists()
        client.force_login(member)
        page = client.get(reverse("space:memberships:mine")).content.decode()
        assert "Aucune adhésion enregistrée" not in page
        assert str(year) in page

        stages = Stage.objects.active()
        reached = set(demo.only_demo(SupportCase.objects.all()).values_list("stage", flat=True))
        assert {stage.pk for stage in stages} <= reached
        assert all(stage.is_final or stage.pk in reached for stage in stages)


def _demo_rows_after(model, now) -> bool:
    """Whether the demo holds rows of `model` dated after `now` (upcoming activities, open
    proposals)."""
    return demo.only_demo(model.objects.all()).filter(**{FUTURE[model]: now}).exists()


FUTURE = {Activity: "starts_at__gt", Proposal: "deadline__gt"}


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_TASKS)
def test_a_demo_loaded_forty_days_ago_is_brought_to_today_without_touching_real_rows(
    client, django_capture_on_commit_callbacks
):
    today = datetime(2027, 1, 6, 10, tzinfo=PARIS)  # across a new year, too
    with time_machine.travel(today - timedelta(days=40), tick=False):
        call_command("load_hub", stdout=StringIO())
        call_command("load_demo", stdout=StringIO())
        real = ActivityFactory(title="Assemblée générale (vraie)")
        real_case = SupportCaseFactory(title="Un vrai dossier")
        stale = set(demo.demo_ids(Activity).values_list("object_id", flat=True))
    real_rows = [(real.pk, real.starts_at, real.title), (real_case.pk, real_case.opened_on)]

    with time_machine.travel(today, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("load_demo", stdout=(out := StringIO()))
        now, year = timezone.now(), timezone.localdate().year

        assert "remise à la date du jour" in out.getvalue()
        upcoming = demo.only_demo(Activity.objects.public().upcoming(now))
        assert any(activity.registration_is_open(now) for activity in upcoming)
        assert Registration.objects.filter(
            activity__in=upcoming, status=RegistrationStatus.WAITLISTED
        ).exists()
        assert _demo_rows_after(Proposal, now)
        assert not_renewed(year).exists()
        assert Membership.objects.of_year(year).in_good_standing().exists()
        reached = set(demo.only_demo(SupportCase.objects.all()).values_list("stage", flat=True))
        assert {stage.pk for stage in Stage.objects.active()} <= reached
        # Only today's demonstration: the rows of the first load are gone, not doubled.
        assert not stale & set(demo.demo_ids(Activity).values_list("object_id", flat=True))
        assert Activity.objects.filter(slug="forum-ess").count() == 1

        real.refresh_from_db()
        real_case.refresh_from_db()
        assert [(real.pk, real.starts_at, real.title), (real_case.pk, real_case.opened_on)] == (
            real_rows
        )
        assert not demo.is_demo(real)
        assert not demo.is_demo(real_case)
        queued = DBTaskResult.objects.values_list("task_path", flat=True)
        assert [path for path in queued if is_email_task(path)] == []
        assert mail.outbox == []

        # A second load the same day changes nothing more.
        ids = set(demo.demo_ids(Activity).values_list("object_id", flat=True))
        call_command("load_demo", stdout=StringIO())
        assert ids == set(demo.demo_ids(Activity).values_list("object_id", flat=True))


@pytest.mark.django_db
# In the morning and in the small hours: `make run` started at 02:48 once mailed the reminders of
# the next day's activity.
@pytest.mark.parametrize("moment", [DAYS[0], DAYS[0].replace(hour=2, minute=48)], ids=str)
def test_the_scheduler_s_first_pass_after_loading_the_demo_sends_no_mail(
    django_capture_on_commit_callbacks, moment
):
    """`make run` starts the scheduler beside a fresh demo: its jobs (reminders of reports due,
    renewals, surveys) find nothing to tell anyone about the fictitious rows."""
    from maillage.core.scheduling import enqueue_due

    with time_machine.travel(moment, tick=False):
        call_command("load_hub", stdout=StringIO())
        call_command("load_demo", stdout=StringIO())
        with django_capture_on_commit_callbacks(execute=True):
            ran = enqueue_due()
    assert "send_grant_report_reminders" in ran
    assert [(message.subject, message.to) for message in mail.outbox] == []
