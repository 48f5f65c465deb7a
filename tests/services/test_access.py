"""Every view × every kind of visitor, including another organisation's service by id."""

import pytest

from maillage.support.services.models import ServiceStatus
from maillage.support.services.space import cards as service_cards
from tests.directory.factories import LegalUnitFactory
from tests.factories import UserFactory
from tests.services.factories import ApprovedClaimFactory, ServiceFactory

LOGIN = "login"  # redirected to the login page
ROLES = ("anonymous", "member", "representative", "other_partner", "staff", "administrator")


@pytest.fixture
def cast(member, staff, administrator, representative):
    other = UserFactory(partner=True, email="autre-partenaire@exemple.org")
    ApprovedClaimFactory(user=other, legal_unit=LegalUnitFactory(name="Autre structure"))
    return {
        "anonymous": None,
        "member": member,
        "representative": representative,
        "other_partner": other,
        "staff": staff,
        "administrator": administrator,
    }


@pytest.fixture
def services(provider, redon):
    return {
        "published": ServiceFactory(provider=provider, on_offer=True, area=[redon]),
        "draft": ServiceFactory(provider=provider, draft=True, area=[redon]),
        "submitted": ServiceFactory(provider=provider, submitted=True, area=[redon]),
    }


PUBLIC = {role: 200 for role in ROLES}
SPACE_LIST = {**PUBLIC, "anonymous": LOGIN, "staff": 403}
# A representative's own service; anyone else gets a 404, not a hint that it exists.
SPACE_OWN = {
    "anonymous": LOGIN,
    "member": 404,
    "representative": 200,
    "other_partner": 404,
    "staff": 403,
    "administrator": 404,
}
SPACE_CREATE = {**SPACE_OWN, "member": 403, "other_partner": 200, "administrator": 403}
STAFF_ONLY = {
    "anonymous": LOGIN,
    "member": 403,
    "representative": 403,
    "other_partner": 403,
    "staff": 200,
    "administrator": 200,
}

GET_VIEWS = [
    ("/accompagnement/", None, PUBLIC),
    ("/accompagnement/resultats/?commune=35236", None, PUBLIC),
    ("/accompagnement/services/", None, PUBLIC),
    ("/accompagnement/services/{}/", "published", PUBLIC),
    ("/accompagnement/services.json", None, PUBLIC),
    ("/accompagnement/services.csv", None, PUBLIC),
    ("/espace-membre/services/", None, SPACE_LIST),
    ("/espace-membre/services/nouveau/", None, SPACE_CREATE),
    ("/espace-membre/services/{}/modifier/", "published", SPACE_OWN),
    ("/espace-membre/services/{}/modifier/", "draft", SPACE_OWN),
    ("/accompagnement/validation/", None, STAFF_ONLY),
    ("/accompagnement/validation/nouveau/", None, STAFF_ONLY),
    ("/accompagnement/validation/{}/", "submitted", STAFF_ONLY),
    ("/accompagnement/validation/{}/modifier/", "draft", STAFF_ONLY),
]


def _check(response, expected):
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith("/compte/connexion/?next=")
    else:
        assert response.status_code == expected


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("url", "target", "expected"), GET_VIEWS)
def test_get_views(client, cast, services, role, url, target, expected):
    if cast[role] is not None:
        client.force_login(cast[role])
    if target:
        url = url.format(services[target].pk)
    _check(client.get(url), expected[role])


# POST actions: who may act (a redirect after acting), who is refused, and nothing changes
# for the refused.
SPACE_ACT = {**SPACE_OWN, "representative": 302}
STAFF_ACT = {**STAFF_ONLY, "staff": 302, "administrator": 302}
POST_VIEWS = [
    ("/espace-membre/services/{}/envoyer/", "draft", {}, SPACE_ACT, ServiceStatus.SUBMITTED),
    ("/espace-membre/services/{}/fermer/", "published", {}, SPACE_ACT, ServiceStatus.CLOSED),
    ("/accompagnement/validation/{}/publier/", "submitted", {}, STAFF_ACT, "published"),
    ("/accompagnement/validation/{}/fermer/", "published", {}, STAFF_ACT, ServiceStatus.CLOSED),
    (
        "/accompagnement/validation/{}/renvoyer/",
        "submitted",
        {"comment": "À préciser."},
        STAFF_ACT,
        ServiceStatus.DRAFT,
    ),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("url", "target", "data", "expected", "after"), POST_VIEWS)
def test_post_actions(client, cast, services, role, url, target, data, expected, after):
    if cast[role] is not None:
        client.force_login(cast[role])
    service = services[target]
    before = service.status
    _check(client.post(url.format(service.pk), data), expected[role])
    service.refresh_from_db()
    assert service.status == (after if expected[role] == 302 else before)


@pytest.mark.parametrize("role", ["member", "other_partner", "administrator"])
def test_editing_another_organisation_s_service_by_id_changes_nothing(client, cast, services, role):
    client.force_login(cast[role])
    service = services["draft"]
    response = client.post(
        f"/espace-membre/services/{service.pk}/modifier/",
        {"name": "Détourné", "description": "Une description détournée.", "departements": []},
    )
    assert response.status_code == 404
    service.refresh_from_db()
    assert service.name != "Détourné"


def test_the_member_space_card_shows_only_to_those_who_can_use_it(cast):
    titles = {role: [c.title for c in service_cards(user)] for role, user in cast.items() if user}
    assert titles["representative"] == ["Mes services d’accompagnement"]
    assert titles["other_partner"] == ["Mes services d’accompagnement"]
    assert titles["member"] == []
    assert titles["staff"] == ["Services à valider"]
    assert titles["administrator"] == ["Services à valider"]
