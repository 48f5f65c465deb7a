"""Joining and leaving a group, by oneself or through the staff."""

import threading

import pytest
from django.db import connection

from maillage.network.working_groups import membership
from maillage.network.working_groups.errors import WorkingGroupRefused
from maillage.network.working_groups.models import GroupMember
from tests.factories import UserFactory
from tests.people.factories import PersonFactory
from tests.working_groups.factories import WorkingGroupFactory

pytestmark = pytest.mark.django_db
G = "/groupes/eco-construction"


def test_a_member_joins_a_group_from_its_page(client_for, group, member_not_in_group):
    response = client_for(member_not_in_group).post(f"{G}/rejoindre/", follow=True)

    assert group.has_member(member_not_in_group.person)
    assert "Bienvenue dans le groupe." in response.content.decode()


def test_joining_twice_keeps_one_membership(client_for, group, member_not_in_group):
    client = client_for(member_not_in_group)
    client.post(f"{G}/rejoindre/")
    response = client.post(f"{G}/rejoindre/", follow=True)

    assert GroupMember.objects.filter(group=group).count() == 1
    assert "Vous faites déjà partie du groupe." in response.content.decode()


@pytest.mark.parametrize("state", ["closed", "paused"])
def test_a_closed_or_paused_group_takes_nobody_new(client_for, member_not_in_group, state):
    WorkingGroupFactory(slug="ancien", **{state: True})

    response = client_for(member_not_in_group).post("/groupes/ancien/rejoindre/", follow=True)

    assert not GroupMember.objects.exists()
    assert "ne prend pas de nouveaux membres" in response.content.decode()


def test_a_member_without_an_address_book_entry_gets_one_by_joining(client_for, member, group):
    client_for(member).post(f"{G}/rejoindre/")

    member.refresh_from_db()
    assert group.has_member(member.person)
    assert member.person.email == member.email


def test_a_member_leaves_a_group(client_for, group, member_in_group):
    response = client_for(member_in_group).post(f"{G}/quitter/", follow=True)

    assert not group.has_member(member_in_group.person)
    assert "Vous avez quitté le groupe." in response.content.decode()


def test_the_facilitator_cannot_leave_the_group_they_lead(client_for, group, facilitator):
    response = client_for(facilitator).post(f"{G}/quitter/", follow=True)

    assert group.has_member(facilitator.person)
    assert "Vous animez ce groupe" in response.content.decode()


def test_the_staff_add_and_remove_a_person(client_for, staff, group):
    person = PersonFactory(first_name="Lou", last_name="Fictive")
    client = client_for(staff)

    client.post(f"{G}/membres/", {"person": person.pk})
    assert group.has_member(person)

    client.post(f"{G}/membres/{person.pk}/retirer/")
    assert not group.has_member(person)


def test_the_staff_cannot_add_someone_already_in_the_group(
    client_for, staff, group, member_in_group
):
    response = client_for(staff).post(f"{G}/membres/", {"person": member_in_group.person.pk})

    assert response.status_code == 400
    assert GroupMember.objects.filter(group=group).count() == 1


def test_removing_the_facilitator_is_refused_until_someone_else_leads(
    client_for, staff, group, facilitator
):
    response = client_for(staff).post(f"{G}/membres/{facilitator.person.pk}/retirer/", follow=True)

    assert group.has_member(facilitator.person)
    assert "confiez d’abord l’animation" in response.content.decode()


def test_removing_someone_of_another_group_is_not_found(client_for, staff, group):
    outsider = PersonFactory()

    response = client_for(staff).post(f"{G}/membres/{outsider.pk}/retirer/")

    assert response.status_code == 404


def test_join_refuses_a_closed_group_in_the_business_action(db):
    with pytest.raises(WorkingGroupRefused):
        membership.join(WorkingGroupFactory(closed=True), PersonFactory())


@pytest.mark.django_db(transaction=True)
def test_concurrent_joins_of_the_same_person_leave_one_membership():
    group = WorkingGroupFactory()
    person = PersonFactory(user=UserFactory())
    barrier = threading.Barrier(6)
    errors = []

    def join():
        try:
            barrier.wait()
            membership.join(group, person)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=join) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert GroupMember.objects.filter(group=group, person=person).count() == 1
