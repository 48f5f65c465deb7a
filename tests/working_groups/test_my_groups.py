"""« Mes groupes de travail » and the member space's cards."""

from datetime import timedelta

import pytest
from django.utils import timezone

from maillage.accounts.space import cards_for
from maillage.activities.enums import ActivityStatus
from tests.factories import UserFactory
from tests.people.factories import PersonFactory
from tests.typeset import french
from tests.working_groups.factories import GroupMemberFactory, MeetingFactory, WorkingGroupFactory

pytestmark = pytest.mark.django_db


def _titles(user) -> list[str]:
    return [card.title for cards in cards_for(user).values() for card in cards]


def test_my_groups_lists_only_the_groups_i_belong_to_with_the_next_meeting(
    client_for, group, member_in_group
):
    other = WorkingGroupFactory(name="Commission communication")
    # An afternoon meeting: one starting at night would end the next day and read « du … au … ».
    soon = (timezone.localtime() + timedelta(days=3)).replace(hour=14, minute=0, second=0)
    MeetingFactory(group=group, activity__starts_at=soon + timedelta(days=30))
    MeetingFactory(group=group, activity__starts_at=soon)
    MeetingFactory(group=group, past=True)
    MeetingFactory(group=other)

    page = client_for(member_in_group).get("/espace-membre/groupes/").content.decode()

    assert "Atelier éco-construction" in page
    assert "Commission communication" not in page
    local = timezone.localtime(soon).strftime("%Y-%m-%dT%H:%M:%S")
    assert french(f'Prochaine réunion : <time datetime="{local}') in page


def test_a_cancelled_meeting_is_not_the_next_one(client_for, group, member_in_group):
    MeetingFactory(group=group, activity__status=ActivityStatus.CANCELLED)

    page = client_for(member_in_group).get("/espace-membre/groupes/").content.decode()

    assert "Aucune réunion prévue." in page


def test_an_account_without_an_address_book_entry_is_told_why_the_list_is_empty(client_for):
    member = UserFactory()  # a member's account, not (or no longer) a member: no entry
    page = client_for(member).get("/espace-membre/groupes/").content.decode()

    assert "pas encore relié au carnet d’adresses" in page


def test_my_groups_reads_a_fixed_number_of_queries(
    client_for, member_in_group, django_assert_max_num_queries
):
    for _ in range(5):
        group = WorkingGroupFactory()
        GroupMemberFactory(group=group, person=member_in_group.person)
        MeetingFactory(group=group)
    client = client_for(member_in_group)

    with django_assert_max_num_queries(8):
        client.get("/espace-membre/groupes/")


def test_members_get_their_groups_card_and_staff_the_management_card(member, staff, partner):
    assert "Mes groupes de travail" in _titles(member)
    assert "Groupes de travail" in _titles(staff)
    assert "Groupes de travail" not in _titles(member)
    assert not {"Mes groupes de travail", "Groupes de travail"} & set(_titles(partner))


def test_a_partner_added_to_a_group_gets_the_card(partner, group):
    GroupMemberFactory(group=group, person=PersonFactory(user=partner))

    assert "Mes groupes de travail" in _titles(partner)
