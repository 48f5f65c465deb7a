"""The member space shows the observatory's staff pages to the hub's staff only."""

from maillage.accounts.enums import Role
from maillage.accounts.space import cards_for
from tests.factories import UserFactory


def test_staff_get_the_observatory_pages_under_hub_management(db, client):
    staff = UserFactory(staff=True)

    cards = cards_for(staff).get("Gestion du pôle", [])
    urls = {card.url for card in cards}

    assert {"/observatoire/instantanes/", "/observatoire/comparaison/"} <= urls
    client.force_login(staff)
    for url in ("/observatoire/instantanes/", "/observatoire/comparaison/"):
        assert client.get(url).status_code == 200


def test_a_member_gets_no_observatory_staff_card(db):
    member = UserFactory(role=Role.MEMBER)

    urls = {card.url for cards in cards_for(member).values() for card in cards}

    assert not any(url.startswith("/observatoire/") for url in urls)
