"""Every members-only route, walked as a current member, a member in the grace period, a lapsed
member, an account that never was a member, and an anonymous visitor.

Routes guarded by `accounts.permissions.members_only` are read from the URL resolver: each must
be declared in GUARDED with how to reach it, so a new members-only route without a case here
fails `test_every_members_only_route_is_walked`. Routes that are members-only through their
object (a members-only activity, a members-only need) are declared in BY_OBJECT; every route of
a need that is not the staff's must be there (`test_every_route_of_a_need_is_walked`).
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from maillage.network.memberships.access import Standing, standing_of
from tests.activities.factories import ActivityFactory
from tests.decisions.factories import ProposalFactory
from tests.directory.factories import LegalUnitFactory
from tests.factories import UserFactory
from tests.memberships.factories import MembershipFactory
from tests.needs.factories import NeedFactory
from tests.people.factories import PersonFactory
from tests.working_groups.factories import WorkingGroupFactory

pytestmark = pytest.mark.django_db

STATES = ["current", "grace", "lapsed", "never", "anonymous"]
ALLOWED = {"current", "grace"}


@dataclass(frozen=True)
class Route:
    method: str
    url: Callable[[dict], str]
    data: Callable[[dict], dict] = lambda objects: {}
    # What an anonymous visitor meets on a members-only object: the page is not found, or the
    # action first asks to sign in (and then is not found either).
    anonymous: str = "not found"


GUARDED = {
    "decisions:list": Route("get", lambda o: reverse("decisions:list")),
    "decisions:detail": Route("get", lambda o: reverse("decisions:detail", args=[o["proposal"]])),
    "decisions:vote": Route(
        "post",
        lambda o: reverse("decisions:vote", args=[o["proposal"]]),
        lambda o: {"position": "consent"},
    ),
    "working_groups:join": Route(
        "post", lambda o: reverse("working_groups:join", args=[o["group"]])
    ),
}

BY_OBJECT = {
    "activities:detail": Route("get", lambda o: reverse("activities:detail", args=[o["activity"]])),
    "activities:register": Route(
        "post",
        lambda o: reverse("activities:register", args=[o["activity"]]),
        lambda o: {"name": "Lou Adhérent", "email": "lou@exemple.org", "consent": "on"},
    ),
    "needs:detail": Route("get", lambda o: reverse("needs:detail", args=[o["need"]])),
    "needs:support": Route(
        "post", lambda o: reverse("needs:support", args=[o["need"]]), anonymous="login"
    ),
    "needs:withdraw": Route(
        "post", lambda o: reverse("needs:withdraw", args=[o["need"]]), anonymous="login"
    ),
    "needs:comment": Route(
        "post",
        lambda o: reverse("needs:comment", args=[o["need"]]),
        lambda o: {"submission": str(uuid.uuid4()), "body": "Nous en parlons à l’assemblée."},
        anonymous="login",
    ),
    "needs:offer_help": Route(
        "post",
        lambda o: reverse("needs:offer_help", args=[o["need"]]),
        lambda o: {"legal_unit": o["organisation"], "what": "Une salle le jeudi soir."},
        anonymous="login",
    ),
}


def _walk(patterns, namespace=""):
    """(name, pattern) of every named route."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", pattern


def guarded_routes() -> set[str]:
    return {
        name
        for name, pattern in _walk(get_resolver().url_patterns)
        if getattr(pattern.callback, "members_only", False)
    }


def need_routes() -> set[str]:
    """The routes of one need that are not the staff's: each is members-only for a
    members-only need."""
    return {
        name
        for name, pattern in _walk(get_resolver().url_patterns)
        if name.startswith("needs:")
        and "pk" in pattern.pattern.converters
        and not pattern.callback.__module__.endswith(".staff")
    }


def test_every_members_only_route_is_walked():
    assert guarded_routes() == set(GUARDED)


def test_every_route_of_a_need_is_walked():
    assert need_routes() <= set(BY_OBJECT)
    assert "needs:detail" in need_routes()


@pytest.fixture
def account_in(settings):
    """account_in(state): an account whose own membership puts it in that state today."""
    year = timezone.localdate().year

    def make(state: str):
        if state == "anonymous":
            return None
        user = UserFactory()
        person = PersonFactory(user=user, email=user.email)
        if state == "current":
            MembershipFactory(legal_unit=None, person=person, year=year, paid=True)
        if state in ("grace", "lapsed"):
            MembershipFactory(legal_unit=None, person=person, year=year - 1, waived=True)
            # The grace period is the setting: all of the new year for « grace », none after.
            settings.MEMBERSHIP_GRACE_DAYS = 366 if state == "grace" else 0
        return user

    return make


@pytest.fixture
def objects(db):
    return {
        "proposal": ProposalFactory(title="Ouvrir un tiers-lieu").pk,
        "group": WorkingGroupFactory().slug,
        "activity": ActivityFactory(members_only=True, title="Assemblée des adhérents").slug,
        "need": NeedFactory(members_only=True, title="Un local pour l’assemblée").pk,
        "organisation": LegalUnitFactory().pk,
    }


def call(client, route: Route, objects: dict):
    return getattr(client, route.method)(route.url(objects), route.data(objects))


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("name", sorted(GUARDED))
def test_members_only_route_follows_the_membership(client_for, account_in, objects, name, state):
    user = account_in(state)
    response = call(client_for(user), GUARDED[name], objects)
    html = response.content.decode()

    if state == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    elif state in ALLOWED:  # past the gate: what the page itself then decides (a vote's
        # electorate is the year's members) is its own rule, tested with the page
        assert "Réservé aux adhérents" not in html
        assert not response.get("Location", "").startswith(reverse("accounts:login"))
    else:
        assert response.status_code == 403
        assert "Réservé aux adhérents" in html
        link = "space:memberships:mine" if state == "lapsed" else "memberships:join"
        assert f'href="{reverse(link)}"' in html


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("name", sorted(BY_OBJECT))
def test_a_members_only_activity_or_need_is_hidden_from_the_others(
    client_for, account_in, objects, name, state
):
    route = BY_OBJECT[name]
    response = call(client_for(account_in(state)), route, objects)
    if state in ALLOWED:  # the page, the registration or the support made, or the form's
        # own refusal (an offer of help from an organisation one does not represent)
        assert response.status_code in (200, 302, 400)
        assert not response.get("Location", "").startswith(reverse("accounts:login"))
    elif state == "anonymous" and route.anonymous == "login":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    else:
        assert response.status_code == 404


def test_a_membership_of_an_organisation_one_represents_counts(account_in, settings):
    user = UserFactory()
    membership = MembershipFactory(year=timezone.localdate().year, paid=True)
    PersonFactory(user=user, email=user.email).affiliations.create(
        legal_unit=membership.legal_unit, role="employee"
    )
    assert user.is_member


def test_a_pending_or_cancelled_membership_gives_no_access():
    user = UserFactory()
    person = PersonFactory(user=user, email=user.email)
    MembershipFactory(legal_unit=None, person=person, year=timezone.localdate().year)
    assert not user.is_member


def test_standing_names_the_grace_period_from_the_setting(settings):
    user = UserFactory()
    person = PersonFactory(user=user, email=user.email)
    MembershipFactory(legal_unit=None, person=person, year=2026, paid=True)
    settings.MEMBERSHIP_GRACE_DAYS = 60
    assert standing_of(user, date(2026, 12, 31)) == Standing.CURRENT
    assert standing_of(user, date(2027, 3, 1)) == Standing.GRACE
    assert standing_of(user, date(2027, 3, 2)) == Standing.LAPSED
    assert standing_of(UserFactory(), date(2027, 1, 1)) == Standing.NONE


def test_a_lapsed_member_is_offered_the_renewal_on_his_membership_page(client_for, account_in):
    client = client_for(account_in("lapsed"))
    html = client.get(reverse("space:memberships:mine")).content.decode()
    assert "Renouveler mon adhésion" in html
    assert reverse("memberships:join") in html
