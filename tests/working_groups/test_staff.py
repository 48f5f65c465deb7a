"""The staff create and edit groups, with their plan links and facilitator."""

import re

import pytest

from maillage.network.working_groups.enums import WorkingGroupStatus
from maillage.network.working_groups.models import WorkingGroup
from maillage.plan.links import actions_of, link_actions, publics_of
from maillage.plan.models import Action, TargetPublic
from tests.people.factories import PersonFactory
from tests.tokens import with_token
from tests.working_groups.factories import WorkingGroupFactory

pytestmark = pytest.mark.django_db


def _data(**overrides):
    return with_token(
        {
            "name": "Atelier restauration bio hors domicile",
            "slug": "",
            "purpose": "Approvisionner les cantines en produits bio et locaux.",
            "status": WorkingGroupStatus.ACTIVE,
            "facilitator": "",
            **overrides,
        }
    )


def test_the_staff_create_a_group_linked_to_plan_actions_and_publics(
    client_for, staff, loaded_plan
):
    action = Action.objects.get(code="2c.4")
    public = TargetPublic.objects.get(slug="entreprises-de-l-ess")
    facilitator = PersonFactory()

    response = client_for(staff).post(
        "/groupes/nouveau/",
        _data(actions=[action.pk], publics=[public.pk], facilitator=facilitator.pk),
    )

    group = WorkingGroup.objects.get()
    assert response["Location"] == "/groupes/atelier-restauration-bio-hors-domicile/"
    assert list(actions_of(group)) == [action]
    assert list(publics_of(group)) == [public]
    assert group.has_member(facilitator)


def test_editing_a_group_replaces_its_plan_links(client_for, staff, loaded_plan):
    group = WorkingGroupFactory(slug="formation")
    link_actions(group, Action.objects.filter(code__in=["3c.2", "3c.3"]))
    kept = Action.objects.get(code="3c.3")

    client_for(staff).post(
        "/groupes/formation/modifier/",
        _data(name=group.name, slug="formation", actions=[kept.pk]),
    )

    assert list(actions_of(group)) == [kept]


def test_the_edit_form_shows_the_group_s_current_links(client_for, staff, loaded_plan):
    group = WorkingGroupFactory(slug="formation")
    action = Action.objects.get(code="3c.3")
    link_actions(group, [action])

    page = client_for(staff).get("/groupes/formation/modifier/").content.decode()

    boxes = re.findall(r'<input type="checkbox" name="actions"[^>]*>', page)
    checked = [box for box in boxes if "checked" in box]
    assert len(boxes) > 10
    assert len(checked) == 1
    assert f'value="{action.pk}"' in checked[0]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": ""}, "Ce champ est obligatoire."),
        ({"slug": "nouveau"}, "Cet identifiant est réservé"),
        ({"slug": "déjà pris"}, "Ce champ ne doit contenir que des lettres"),
    ],
)
def test_a_bad_group_form_keeps_what_was_typed_and_says_why(client_for, staff, overrides, message):
    response = client_for(staff).post("/groupes/nouveau/", _data(**overrides))

    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert "Approvisionner les cantines" in page
    assert "Le formulaire n’est pas enregistré" in page
    assert not WorkingGroup.objects.exists()


def test_two_groups_cannot_share_a_name_or_an_address(client_for, staff):
    WorkingGroupFactory(name="Commission finances", slug="finances")
    client = client_for(staff)

    same_name = client.post("/groupes/nouveau/", _data(name="Commission finances", slug="autre"))
    same_slug = client.post("/groupes/nouveau/", _data(slug="finances"))

    assert same_name.status_code == same_slug.status_code == 400
    assert "Cet identifiant est déjà pris par un autre groupe." in same_slug.content.decode()
    assert WorkingGroup.objects.count() == 1
