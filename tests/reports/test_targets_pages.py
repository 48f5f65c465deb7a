"""Staff set targets per action and year on a page, and read them beside what was achieved."""

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from maillage.plan.links import link_actions
from maillage.reports.indicators.models import Target
from tests.activities.factories import ActivityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def this_year():
    return timezone.localdate().year


def held_training(plan, year, day):
    start = datetime(year, 1, day, 9, tzinfo=timezone.get_default_timezone())
    activity = ActivityFactory(starts_at=start, ends_at=start + timedelta(hours=3))
    link_actions(activity, [plan.first])
    return activity


@pytest.mark.parametrize("who", [None, "member", "partner"])
def test_targets_are_the_staffs(client_for, who, request, this_year):
    user = request.getfixturevalue(who) if who else None
    response = client_for(user).get(reverse("indicators:targets", args=[this_year]))
    assert response.status_code == (302 if user is None else 403)


def test_staff_set_a_target_and_read_it_beside_the_achieved(client_for, staff, plan, this_year):
    held_training(plan, this_year, 5)
    client = client_for(staff)
    url = reverse("indicators:edit_targets", args=[this_year, plan.first.code])
    form = client.get(url)
    assert "Réalisé à ce jour\u00a0: 1." in form.content.decode()
    response = client.post(url, {"trainings": "4", "training_hours": "10,5"}, follow=True)
    page = response.content.decode()
    assert Target.objects.get(indicator="training_hours").value == 10.5
    assert "Cibles" in page
    assert "10,5" in page
    assert "non atteinte" in page


def test_a_blank_value_removes_the_target(client_for, staff, plan, this_year):
    Target.objects.create(action=plan.first, indicator="trainings", year=this_year, value=3)
    url = reverse("indicators:edit_targets", args=[this_year, plan.first.code])
    client_for(staff).post(url, {"trainings": ""})
    assert not Target.objects.exists()


def test_a_negative_target_is_refused_with_its_reason(client_for, staff, plan, this_year):
    url = reverse("indicators:edit_targets", args=[this_year, plan.first.code])
    response = client_for(staff).post(url, {"trainings": "-2"})
    assert "Une cible ne peut pas être négative." in response.content.decode()
    assert not Target.objects.exists()


def test_a_reached_target_says_so(client_for, staff, plan, this_year):
    held_training(plan, this_year, 5)
    held_training(plan, this_year, 6)
    Target.objects.create(action=plan.first, indicator="trainings", year=this_year, value=2)
    page = client_for(staff).get(reverse("indicators:targets", args=[this_year])).content
    assert "atteinte" in page.decode()
    assert "non atteinte" not in page.decode()


def test_the_targets_page_costs_the_same_queries_however_many_records(
    client_for, staff, plan, this_year
):
    client = client_for(staff)
    url = reverse("indicators:targets", args=[this_year])
    held_training(plan, this_year, 5)
    client.get(url)  # warms the content types and the session
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for day in range(6, 16):
        held_training(plan, this_year, day)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
