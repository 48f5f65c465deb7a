"""What each visitor reads on the list and on a group's page."""

import pytest

from maillage.plan.links import link_actions, link_publics
from maillage.plan.models import Action, TargetPublic
from tests.people.factories import PersonFactory
from tests.working_groups.factories import (
    DocumentFactory,
    GroupMemberFactory,
    MeetingFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db

PAGE = "/groupes/eco-construction/"


@pytest.fixture
def furnished(group, member_in_group):
    """A group with another member, a facilitator, minutes (one published, one draft), a file."""
    GroupMemberFactory(
        group=group, person=PersonFactory(first_name="Noé", last_name="Quélennec-Marzin")
    )
    group.facilitator = PersonFactory(first_name="Inès", last_name="Garnier")
    group.save()
    MeetingFactory(group=group, past=True, with_published_minutes=True)
    MeetingFactory(group=group, past=True, with_draft_minutes=True)
    DocumentFactory(group=group, title="Charte de l’atelier")
    return group


def _text(client, path=PAGE) -> str:
    response = client.get(path)
    assert response.status_code == 200
    page = response.content.decode()
    assert "INVALID_TEMPLATE_VARIABLE" not in page
    return page


def test_anonymous_visitors_read_the_purpose_but_nothing_of_the_members(client, furnished):
    page = _text(client)

    assert "Partager les pratiques" in page
    for private in ("Quélennec-Marzin", "Garnier", "Compte rendu publié", "Charte de l’atelier"):
        assert private not in page


def test_a_partner_outside_the_group_sees_what_the_public_sees(client_for, partner, furnished):
    page = _text(client_for(partner))

    assert "Garnier" not in page
    assert "Tour de table" not in page


def test_a_member_of_the_hub_reads_meetings_and_published_minutes_not_drafts(
    client_for, member_not_in_group, furnished
):
    page = _text(client_for(member_not_in_group))

    assert "Inès Garnier" in page
    assert "Tour de table" in page
    assert "projets retenus" in page
    assert "Brouillon du compte rendu" not in page
    assert "Quélennec-Marzin" not in page
    assert "Charte de l’atelier" not in page
    assert "Rejoindre le groupe" in page


def test_a_member_of_the_group_sees_its_members_and_documents(
    client_for, member_in_group, furnished
):
    page = _text(client_for(member_in_group))

    assert "Noé Quélennec-Marzin" in page
    assert "Charte de l’atelier" in page
    assert "Quitter le groupe" in page
    assert "Brouillon du compte rendu" not in page
    assert "Prévoir une réunion" not in page


def test_the_facilitator_reads_draft_minutes_and_gets_the_forms(client_for, facilitator, furnished):
    furnished.facilitator = facilitator.person
    furnished.save()

    page = _text(client_for(facilitator))

    assert "Brouillon du compte rendu" in page
    assert "Prévoir une réunion" in page
    assert "Ajouter un document" in page
    assert "Ajouter une personne" not in page  # membership is the staff's


def test_the_staff_manage_members_from_the_page(client_for, staff, furnished):
    page = _text(client_for(staff))

    assert "Ajouter une personne" in page
    assert "Retirer" in page
    assert "Modifier le groupe" in page


def test_the_purpose_is_shown_as_typed_with_its_paragraphs_and_links(client):
    WorkingGroupFactory(
        slug="risque", purpose="Voir https://exemple.org\n\n<script>alert(1)</script>"
    )

    page = _text(client, "/groupes/risque/")

    assert '<a href="https://exemple.org" rel="nofollow">https://exemple.org</a>' in page
    assert "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>" in page
    assert "<script>alert(1)" not in page


def test_a_group_page_shows_the_plan_actions_and_publics_it_serves(client, group, loaded_plan):
    link_actions(group, Action.objects.filter(code="3c.3"))
    link_publics(group, TargetPublic.objects.filter(slug="associations"))

    page = _text(client)

    assert "Action 3c.3" in page
    assert "Animer les groupes de travail." in page
    assert TargetPublic.objects.get(slug="associations").name in page


def test_the_list_shows_open_groups_then_closed_ones_with_their_action_codes(client, loaded_plan):
    active = WorkingGroupFactory(name="Commission communication")
    link_actions(active, Action.objects.filter(code__in=["4e.2", "3c.3"]))
    WorkingGroupFactory(name="Atelier ancien", closed=True)

    page = _text(client, "/groupes/")

    assert page.index("Commission communication") < page.index("Les groupes clos")
    assert page.index("Les groupes clos") < page.index("Atelier ancien")
    assert "3c.3, 4e.2" in page


def test_the_list_counts_members_without_naming_them(client, group):
    GroupMemberFactory.create_batch(3, group=group, person__last_name="Fictif")

    page = _text(client, "/groupes/")

    assert "3 membres" in page
    assert "Fictif" not in page


def test_an_unknown_group_is_not_found(client):
    assert client.get("/groupes/inconnu/").status_code == 404


def test_the_list_reads_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for _ in range(8):
        group = WorkingGroupFactory()
        GroupMemberFactory(group=group)

    with django_assert_max_num_queries(6):
        client.get("/groupes/")


def test_a_group_page_reads_a_fixed_number_of_queries(
    client_for, staff, group, django_assert_max_num_queries
):
    for _ in range(6):
        GroupMemberFactory(group=group)
        MeetingFactory(group=group, with_published_minutes=True)
        DocumentFactory(group=group)
    client = client_for(staff)

    # One of them reads the hub's places, for the meeting form; one asks whether demonstration
    # rows are loaded, for the layout's notice.
    with django_assert_max_num_queries(16):
        client.get(PAGE)
