"""The demonstration lives on any day: loaded on a given day (a year later too), it has upcoming
activities open for registration and a waiting list, past ones with attendance and satisfaction,
a decision the demo member can vote on, this year's memberships, support cases at every stage
and renewals due."""

from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from maillage.accounts.models import User
from maillage.activities.enums import RegistrationStatus
from maillage.activities.models import Activity, Registration, SatisfactionAnswer
from maillage.network.decisions.eligibility import voters_for
from maillage.network.decisions.models import Proposal
from maillage.network.memberships.models import Membership
from maillage.network.memberships.renewal import not_renewed
from maillage.network.people.models import Affiliation
from maillage.support.journeys.models import Stage, SupportCase

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
        reached = set(SupportCase.objects.filter(is_demo=True).values_list("stage", flat=True))
        assert {stage.pk for stage in stages} <= reached
        assert all(stage.is_final or stage.pk in reached for stage in stages)
