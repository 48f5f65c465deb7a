"""Who may open each membership page: anonymous, member, partner, staff, administrator.

Expected: "login" (sent to the login page), "denied" (403), "missing" (404: the object is out
of the visitor's reach), or "ok".
"""

import pytest
from django.urls import reverse

from tests.memberships.factories import MembershipFactory

pytestmark = pytest.mark.django_db
ROLES = ("anonymous", "member", "partner", "staff", "administrator")

STAFF_ONLY = dict(
    anonymous="login", member="denied", partner="denied", staff="ok", administrator="ok"
)
# The member represents the organisation of the receipt; the partner represents it too.
RECEIPT = dict(anonymous="login", member="ok", partner="missing", staff="ok", administrator="ok")
# Another organisation's receipt, asked for by id.
OTHER_RECEIPT = dict(
    anonymous="login", member="missing", partner="missing", staff="ok", administrator="ok"
)
MINE = dict(anonymous="login", member="ok", partner="denied", staff="denied", administrator="ok")

GET_PAGES = [
    ("list", STAFF_ONLY),
    ("create_organisation", STAFF_ONLY),
    ("create_person", STAFF_ONLY),
    ("renewal", STAFF_ONLY),
    ("detail", STAFF_ONLY),
    ("receipt", RECEIPT),
    ("other_receipt", OTHER_RECEIPT),
    ("mine", MINE),
]
POST_ACTIONS = [
    ("edit", STAFF_ONLY),
    ("payment", STAFF_ONLY),
    ("status", STAFF_ONLY),
    ("send_reminders", STAFF_ONLY),
]


@pytest.fixture
def cast(member, partner, staff, administrator):
    return {
        "anonymous": None,
        "member": member,
        "partner": partner,
        "staff": staff,
        "administrator": administrator,
    }


@pytest.fixture
def urls(member, partner, represent):
    ours = MembershipFactory(paid=True)
    theirs = MembershipFactory(paid=True)
    pending = MembershipFactory(legal_unit=ours.legal_unit, year=2027)
    represent(member, ours.legal_unit)
    represent(partner, ours.legal_unit)
    return {
        "list": reverse("memberships:list"),
        "create_organisation": reverse("memberships:create_organisation"),
        "create_person": reverse("memberships:create_person"),
        "renewal": reverse("memberships:renewal"),
        "send_reminders": reverse("memberships:send_reminders"),
        "detail": reverse("memberships:detail", args=[pending.pk]),
        "edit": reverse("memberships:edit", args=[pending.pk]),
        "payment": reverse("memberships:payment", args=[pending.pk]),
        "status": reverse("memberships:status", args=[pending.pk]),
        "receipt": reverse("memberships:receipt", args=[ours.pk]),
        "other_receipt": reverse("memberships:receipt", args=[theirs.pk]),
        "mine": reverse("space:memberships:mine"),
    }


def outcome(response) -> str:
    if response.status_code == 302 and "/compte/connexion" in response["Location"]:
        return "login"
    return {200: "ok", 302: "ok", 400: "ok", 403: "denied", 404: "missing"}.get(
        response.status_code, str(response.status_code)
    )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("page", "expected"), GET_PAGES, ids=[p for p, _ in GET_PAGES])
def test_who_may_open_each_page(client_for, cast, urls, role, page, expected):
    response = client_for(cast[role]).get(urls[page])
    assert outcome(response) == expected[role]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("action", "expected"), POST_ACTIONS, ids=[a for a, _ in POST_ACTIONS])
def test_who_may_act(client_for, cast, urls, role, action, expected):
    response = client_for(cast[role]).post(urls[action], {})
    assert outcome(response) == expected[role]


def test_actions_refuse_get(client_for, staff, urls):
    client = client_for(staff)
    for action, _ in POST_ACTIONS:
        assert client.get(urls[action]).status_code == 405


def test_member_space_cards_follow_the_role(member, partner, staff):
    from maillage.network.memberships.space import cards as membership_cards

    assert [c.title for c in membership_cards(staff)] == [
        "Adhésions",
        "Demandes d’adhésion",
        "Campagne de renouvellement",
    ]
    assert {c.section for c in membership_cards(staff)} == {"Gestion du pôle"}
    assert [(c.title, c.section) for c in membership_cards(member)] == [
        ("Mon adhésion", "Mon espace")
    ]
    assert membership_cards(partner) == []
