"""Which need reaches whom, through every route: a private or members-only need never reaches a
public output (HTML list and page, map data, JSON export), and the staff's pages are theirs.

Read a row as: the need's visibility and the route, then what an anonymous visitor, a member, a
partner, the person who expressed it, a staff member and an administrator get. SEEN: the route
answers and shows the need; HIDDEN: it answers without it (a list) or 404 (its page); LOG: a
redirect to the login page; NO: 403.
"""

import pytest
from django.urls import reverse

from maillage.needs.enums import Visibility
from tests.directory.factories import CommuneFactory
from tests.factories import UserFactory
from tests.needs.factories import NeedFactory

pytestmark = pytest.mark.django_db

SEEN, HIDDEN, LOG, NO = "seen", "hidden", "login", "403"
ROLES = ("anonymous", "member", "partner", "author", "staff", "administrator")
TITLE = "Un besoin à trouver"

# fmt: off
MATRIX = [
    # visibility          route          anon    member  partner author staff   admin
    (Visibility.PUBLIC,  "detail",       SEEN,   SEEN,   SEEN,   SEEN,  SEEN,   SEEN),
    (Visibility.PUBLIC,  "list",         SEEN,   SEEN,   SEEN,   SEEN,  SEEN,   SEEN),
    (Visibility.PUBLIC,  "map_geojson",  SEEN,   SEEN,   SEEN,   SEEN,  SEEN,   SEEN),
    (Visibility.PUBLIC,  "export_json",  SEEN,   SEEN,   SEEN,   SEEN,  SEEN,   SEEN),
    (Visibility.MEMBERS, "detail",       HIDDEN, SEEN,   SEEN,   SEEN,  SEEN,   SEEN),
    (Visibility.MEMBERS, "list",         HIDDEN, SEEN,   SEEN,   SEEN,  SEEN,   SEEN),
    (Visibility.MEMBERS, "map_geojson",  HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    (Visibility.MEMBERS, "export_json",  HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    (Visibility.PRIVATE, "detail",       HIDDEN, HIDDEN, HIDDEN, SEEN,  SEEN,   SEEN),
    (Visibility.PRIVATE, "list",         HIDDEN, HIDDEN, HIDDEN, SEEN,  SEEN,   SEEN),
    (Visibility.PRIVATE, "map_geojson",  HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    (Visibility.PRIVATE, "export_json",  HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    (None,               "queue",        LOG,    NO,     NO,     NO,    SEEN,   SEEN),
    (None,               "signals",      LOG,    NO,     NO,     NO,    SEEN,   SEEN),
    (None,               "create",       LOG,    NO,     NO,     NO,    SEEN,   SEEN),
    (None,               "manage",       LOG,    NO,     NO,     NO,    SEEN,   SEEN),
]
# fmt: on

CASES = [
    pytest.param(visibility, route, role, expected, id=f"{visibility} {route} as {role}")
    for visibility, route, *outcomes in MATRIX
    for role, expected in zip(ROLES, outcomes, strict=True)
]


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
