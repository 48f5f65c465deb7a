import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError
from django.db.models import ProtectedError

from maillage.plan import links
from maillage.plan.models import Action, ActionLink, IdentitySection, TargetPublic

# auth's Group and the plan's own IdentitySection stand in for the hub's future records
# (activities, support cases…): the links only need a model with an integer primary key.


@pytest.fixture
def groups(db):
    return [Group.objects.create(name=f"Groupe {n}") for n in range(3)]


def action(code):
    return Action.objects.get(code=code)


def public(slug):
    return TargetPublic.objects.get(slug=slug)


def test_a_record_is_linked_to_actions_and_publics(loaded_plan, groups):
    record = groups[0]
    links.link_actions(record, [action("1a.1"), action("2a.1.2")])
    links.link_publics(record, [public("habitants")])
    assert {a.code for a in links.actions_of(record)} == {"1a.1", "2a.1.2"}
    assert [p.slug for p in links.publics_of(record)] == ["habitants"]
    assert not links.actions_of(groups[1]).exists()


def test_linking_twice_keeps_a_single_link(loaded_plan, groups):
    links.link_actions(groups[0], [action("1a.1")])
    links.link_actions(groups[0], [action("1a.1"), action("1a.1")])
    assert ActionLink.objects.count() == 1


def test_the_database_refuses_a_duplicate_link(loaded_plan, groups):
    links.link_actions(groups[0], [action("1a.1")])
    link = ActionLink.objects.get()
    with pytest.raises(IntegrityError):
        ActionLink.objects.create(
            content_type=link.content_type, object_id=link.object_id, action=link.action
        )


def test_records_of_different_models_with_the_same_id_are_kept_apart(loaded_plan, groups):
    section = IdentitySection.objects.get(pk=IdentitySection.objects.first().pk)
    group = Group.objects.create(pk=section.pk + 1000, name="Autre")
    links.link_actions(section, [action("3c.1")])
    links.link_actions(group, [action("4b.1")])
    assert [a.code for a in links.actions_of(section)] == ["3c.1"]
    assert list(links.records_for_action(action("3c.1"), Group)) == []
    assert list(links.records_for_action(action("3c.1"), IdentitySection)) == [section]
    assert links.records_for_action(action("4b.1")) == [group]


def test_unlinking_removes_only_the_given_links(loaded_plan, groups):
    links.link_actions(groups[0], [action("1a.1"), action("1a.2")])
    links.unlink_actions(groups[0], [action("1a.1")])
    assert [a.code for a in links.actions_of(groups[0])] == ["1a.2"]


def test_count_by_action_counts_the_records_of_one_model(loaded_plan, groups):
    for group in groups:
        links.link_actions(group, [action("2c.1.1")])
    links.link_actions(groups[0], [action("3c.3")])
    links.link_actions(IdentitySection.objects.first(), [action("2c.1.1")])
    counts = {a.code: a.record_count for a in links.count_by_action(Group)}
    assert counts["2c.1.1"] == 3
    assert counts["3c.3"] == 1
    assert counts["1a.1"] == 0
    assert len(counts) == Action.objects.count()


def test_count_by_action_can_be_limited_to_some_records(loaded_plan, groups):
    for group in groups:
        links.link_actions(group, [action("2c.1.1")])
    counts = links.count_by_action(Group.objects.filter(name__in=["Groupe 0", "Groupe 1"]))
    assert counts.get(code="2c.1.1").record_count == 2


def test_links_of_deleted_records_are_not_counted(loaded_plan, groups):
    links.link_actions(groups[0], [action("2c.1.1")])
    links.link_publics(groups[0], [public("habitants")])
    groups[0].delete()
    assert links.count_by_action(Group).get(code="2c.1.1").record_count == 0
    assert links.count_by_public(Group).get(slug="habitants").record_count == 0


def test_count_by_public_and_records_for_public(loaded_plan, groups):
    links.link_publics(groups[0], [public("habitants"), public("associations")])
    links.link_publics(groups[1], [public("habitants")])
    assert links.count_by_public(Group).get(slug="habitants").record_count == 2
    assert set(links.records_for_public(public("habitants"), Group)) == set(groups[:2])


def test_an_action_with_links_cannot_be_deleted(loaded_plan, groups):
    links.link_actions(groups[0], [action("1a.1")])
    with pytest.raises(ProtectedError):
        action("1a.1").delete()
