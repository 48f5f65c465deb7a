"""Every view of decisions × every role, then the object-level refusals."""

import pytest
from django.urls import reverse

from maillage.network.decisions.models import Vote
from tests.decisions.factories import ProposalFactory, member_organisation
from tests.working_groups.factories import GroupMemberFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "eligible", "not_eligible", "partner", "staff", "administrator"]
LOGIN = 302  # an anonymous visitor is sent to the login page


@pytest.fixture
def users(eligible_member, member, partner, staff, administrator):
    return {
        "anonymous": None,
        "eligible": eligible_member,
        "not_eligible": member,
        "partner": partner,
        "staff": staff,
        "administrator": administrator,
    }


# view → (method, which proposal, POST data, expected status per role in ROLES order)
MATRIX = {
    "list": ("get", None, {}, [LOGIN, 200, 200, 403, 200, 200]),
    "detail": ("get", "open", {}, [LOGIN, 200, 200, 403, 200, 200]),
    "detail_of_draft": ("get", "draft", {}, [LOGIN, 404, 404, 403, 200, 200]),
    "vote": ("post", "open", {"position": "consent"}, [LOGIN, 302, 403, 403, 403, 403]),
    "create": ("get", None, {}, [LOGIN, 403, 403, 403, 200, 200]),
    "edit": ("get", "draft", {}, [LOGIN, 403, 403, 403, 200, 200]),
    "open": ("post", "draft", {}, [LOGIN, 403, 403, 403, 302, 302]),
    "close": ("post", "open", {}, [LOGIN, 403, 403, 403, 302, 302]),
}


def _url(view: str, proposal) -> str:
    name = "detail" if view == "detail_of_draft" else view
    return reverse(f"decisions:{name}", args=[proposal.pk] if proposal else [])


@pytest.mark.parametrize("view", MATRIX)
@pytest.mark.parametrize("role_index", range(len(ROLES)))
def test_access_matrix(client_for, users, open_proposal, organisation, view, role_index):
    method, which, data, expected = MATRIX[view]
    proposal = {"open": open_proposal, "draft": ProposalFactory(draft=True), None: None}[which]
    if view == "vote":
        data = {**data, "voter": organisation.pk}
    client = client_for(users[ROLES[role_index]])

    response = getattr(client, method)(_url(view, proposal), data)

    assert response.status_code == expected[role_index], ROLES[role_index]
    if response.status_code == LOGIN and ROLES[role_index] == "anonymous":
        assert response["Location"].startswith(reverse("accounts:login"))


def test_voting_for_an_organisation_one_does_not_represent_is_refused(
    client_for, eligible_member, open_proposal
):
    other = member_organisation()

    response = client_for(eligible_member).post(
        reverse("decisions:vote", args=[open_proposal.pk]),
        {"voter": other.pk, "position": "consent"},
    )

    assert response.status_code == 403
    assert "au nom de cette structure" in response.content.decode()
    assert not Vote.objects.exists()


def test_voting_on_the_proposal_of_a_group_one_is_not_in_is_refused(client_for, member):
    proposal = ProposalFactory(group=GroupMemberFactory().group)

    response = client_for(member).post(
        reverse("decisions:vote", args=[proposal.pk]), {"position": "consent"}
    )

    assert response.status_code == 403
    assert "ne faites pas partie du groupe" in response.content.decode()
    assert not Vote.objects.exists()


def test_a_member_cannot_reach_a_draft_or_the_staff_actions_by_id(client_for, eligible_member):
    draft = ProposalFactory(draft=True, per_organisation=True)
    client = client_for(eligible_member)

    assert client.get(reverse("decisions:detail", args=[draft.pk])).status_code == 404
    assert client.post(reverse("decisions:open", args=[draft.pk])).status_code == 403
    draft.refresh_from_db()
    assert draft.is_draft
