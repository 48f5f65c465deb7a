"""The demonstration groups: the hub's workshops and commissions, fictitious members, idempotent."""

import pytest

from maillage.accounts.demo import create_demo_accounts
from maillage.activities.models import Activity
from maillage.core.demo import is_demo
from maillage.network.people.models import Person
from maillage.network.working_groups.demo import create_demo_working_groups
from maillage.network.working_groups.enums import WorkingGroupStatus
from maillage.network.working_groups.models import Document, Meeting, WorkingGroup
from maillage.plan.links import actions_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(loaded_plan):
    create_demo_accounts()
    return create_demo_working_groups()


def test_the_demo_creates_the_hub_s_workshops_and_commissions(demo):
    names = set(WorkingGroup.objects.values_list("name", flat=True))

    assert {"Atelier coopératif éco-construction", "Commission communication"} <= names
    assert len(names) == 8
    eco = WorkingGroup.objects.get(slug="atelier-eco-construction")
    assert {action.code for action in actions_of(eco)} == {"2c.3", "2c.4", "3c.3"}


def test_a_second_run_creates_nothing(demo):
    counts = (WorkingGroup.objects.count(), Meeting.objects.count(), Person.objects.count())

    assert create_demo_working_groups() == 0
    assert (WorkingGroup.objects.count(), Meeting.objects.count(), Person.objects.count()) == counts
    assert Document.objects.count() == 6


def test_each_active_group_has_published_minutes_and_one_upcoming_meeting(demo):
    for group in WorkingGroup.objects.filter(status=WorkingGroupStatus.ACTIVE):
        assert group.meetings.past().filter(minutes_published_at__isnull=False).count() == 2
        assert group.meetings.upcoming().count() == 1
    assert not WorkingGroup.objects.get(slug="groupe-capitalisation").meetings.exists()


def test_demo_records_say_they_are_fictitious(demo):
    meetings = Activity.objects.filter(group_meeting__isnull=False)
    assert all(is_demo(activity) for activity in meetings)
    assert all("fictifs" in group.purpose for group in WorkingGroup.objects.all())
    people = Person.objects.filter(group_memberships__isnull=False).distinct()
    assert all(person.email.endswith("@demo.maillage.test") for person in people)


def test_the_demo_member_account_belongs_to_two_groups(demo, client):
    person = Person.objects.get(email="adherent@demo.maillage.test")
    client.force_login(person.user)

    page = client.get("/espace-membre/groupes/").content.decode()

    assert WorkingGroup.objects.with_member(person).count() == 2
    assert "Atelier coopératif éco-construction" in page
    assert "Commission programme de formation" in page
