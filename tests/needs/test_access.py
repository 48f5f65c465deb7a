"""Which need reaches whom, through every route: a private or members-only need never reaches a
public output (HTML list and page, map data, JSON export), and the staff's pages are theirs.

Read a row as: the need's visibility and the route, then what an anonymous visitor, a current
member, a member in the grace period after the year ends, a lapsed member, an account that never
was a member, a partner, the person who expressed it (an account, not a member), a staff member
and an administrator get. Members-only follows the membership (ADR 0018), never the account's
role. SEEN: the route answers and shows the need; HIDDEN: it answers without it (a list) or 404
(its page); LOG: a redirect to the login page; NO: 403.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from maillage.needs.enums import Visibility
from tests.directory.factories import CommuneFactory
from tests.factories import UserFactory
from tests.memberships.factories import MembershipFactory
from tests.needs.factories import NeedFactory
from tests.people.factories import PersonFactory

pytestmark = pytest.mark.django_db

SEEN, HIDDEN, LOG, NO = "seen", "hidden", "login", "403"
ROLES = (
    "anonymous",
    "member",
    "member_in_grace",
    "lapsed_member",
    "account",
    "partner",
    "author",
    "staff",
    "administrator",
)
TITLE = "Un besoin à trouver"
S, H = SEEN, HIDDEN

# fmt: off
MATRIX = [
    # visibility          route          anon member grace lapsed account partner author staff admin
    (Visibility.PUBLIC,  "detail",       S,   S,     S,    S,     S,      S,      S,     S,    S),
    (Visibility.PUBLIC,  "list",         S,   S,     S,    S,     S,      S,      S,     S,    S),
    (Visibility.PUBLIC,  "map_geojson",  S,   S,     S,    S,     S,      S,      S,     S,    S),
    (Visibility.PUBLIC,  "export_json",  S,   S,     S,    S,     S,      S,      S,     S,    S),
    (Visibility.MEMBERS, "detail",       H,   S,     S,    H,     H,      H,      S,     S,    S),
    (Visibility.MEMBERS, "list",         H,   S,     S,    H,     H,      H,      S,     S,    S),
    (Visibility.MEMBERS, "map_geojson",  H,   H,     H,    H,     H,      H,      H,     H,    H),
    (Visibility.MEMBERS, "export_json",  H,   H,     H,    H,     H,      H,      H,     H,    H),
    (Visibility.PRIVATE, "detail",       H,   H,     H,    H,     H,      H,      S,     S,    S),
    (Visibility.PRIVATE, "list",         H,   H,     H,    H,     H,      H,      S,     S,    S),
    (Visibility.PRIVATE, "map_geojson",  H,   H,     H,    H,     H,      H,      H,     H,    H),
    (Visibility.PRIVATE, "export_json",  H,   H,     H,    H,     H,      H,      H,     H,    H),
    (None,               "queue",        LOG, NO,    NO,   NO,    NO,     NO,     NO,    S,    S),
    (None,               "signals",      LOG, NO,    NO,   NO,    NO,     NO,     NO,    S,    S),
    (None,               "create",       LOG, NO,    NO,   NO,    NO,     NO,     NO,    S,    S),
    (None,               "manage",       LOG, NO,    NO,   NO,    NO,     NO,     NO,    S,    S),
]
# fmt: on

CASES = [
    pytest.param(visibility, route, role, expected, id=f"{visibility} {route} as {role}")
    for visibility, route, *outcomes in MATRIX
    for role, expected in zip(ROLES, outcomes, strict=True)
]


def _with_membership_of(year: int):
    user = UserFactory()
    person = PersonFactory(user=user, email=user.email)
    MembershipFactory(legal_unit=None, person=person, year=year, paid=True)
    return user


@pytest.fixture
def member_in_grace(db, settings):
    """Last year's membership, within the grace period (the whole new year, by the setting)."""
    settings.MEMBERSHIP_GRACE_DAYS = 366
    return _with_membership_of(timezone.localdate().year - 1)


@pytest.fixture
def lapsed_member(db, settings):
    """A member's account whose last membership is last year's, the grace period over: the
    account's role alone opens nothing."""
    settings.MEMBERSHIP_GRACE_DAYS = 0
    return _with_membership_of(timezone.localdate().year - 1)


@pytest.fixture
def account(db):
    """An account with no membership, its own or its organisation's."""
    return UserFactory(email="habitant@exemple.org")


@pytest.fixture
def author(db):
    return UserFactory(email="auteur@exemple.org")


def _url(route: str, need) -> str:
    if route in ("detail", "manage"):
        return reverse(f"needs:{route}", args=[need.pk])
    return reverse(f"needs:{route}")


def outcome(response, text: str) -> str:
    if response.status_code == 302:
        return LOG if "/compte/connexion/" in response.url else f"302 to {response.url}"
    if response.status_code == 404:
        return HIDDEN
    if response.status_code == 403:
        return NO
    assert response.status_code == 200
    return SEEN if text in response.content.decode() else HIDDEN


@pytest.mark.parametrize(("visibility", "route", "role", "expected"), CASES)
def test_access_matrix(request, client_for, territory_commune, visibility, route, role, expected):
    author = request.getfixturevalue("author")
    need = NeedFactory(title=TITLE, visibility=visibility or Visibility.PUBLIC, submitted_by=author)
    need.communes.add(territory_commune)
    user = None if role == "anonymous" else request.getfixturevalue(role)
    response = client_for(user).get(_url(route, need))
    # The map names communes, not needs: a need shows there as its commune; the staff's pages
    # that are not about one need are only opened.
    text = {"map_geojson": territory_commune.name, "signals": "", "create": ""}.get(route, TITLE)
    assert outcome(response, text) == expected


def test_an_unconfirmed_need_reaches_no_public_route(client):
    need = NeedFactory(title=TITLE, unconfirmed=True)
    assert client.get(need.get_absolute_url()).status_code == 404
    for route in ("list", "export_json"):
        assert TITLE not in client.get(reverse(f"needs:{route}")).content.decode()


@pytest.fixture
def territory_commune(db):
    return CommuneFactory(name="Saint-Nicolas-de-Redon", code="44185")
