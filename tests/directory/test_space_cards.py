"""The directory's cards in the member space, by role, with what waits for staff."""

import pytest

from maillage.accounts.space import cards_for
from maillage.directory.models import Claim, LegalUnit
from tests.directory.factories import EstablishmentFactory, LegalUnitFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def titles(user, section):
    return [card.title for card in cards_for(user).get(section, [])]


@pytest.mark.parametrize("traits", [{}, {"partner": True}])  # a member, a partner
def test_representatives_find_their_organisations(traits):
    user = UserFactory(**traits)
    assert "Mes structures" in titles(user, "Mon espace")
    card = next(c for c in cards_for(user)["Mon espace"] if c.title == "Mes structures")
    assert card.url == "/espace-membre/structures/"
    assert "Gestion du pôle" not in cards_for(user) or not any(
        "annuaire" in card.url for card in cards_for(user)["Gestion du pôle"]
    )


def test_staff_find_the_directory_tools_with_what_waits_for_them(client_for):
    staff = UserFactory(staff=True)
    site = EstablishmentFactory()
    for _ in range(2):
        Claim.objects.create(legal_unit=site.legal_unit, user=UserFactory())

    cards = {card.title: card for card in cards_for(staff)["Gestion du pôle"]}

    assert "Mes structures" not in titles(staff, "Mon espace")
    assert cards["Demandes de rattachement"].description == (
        "2 demandes de rattachement attendent votre décision."
    )
    assert "Aucune" in cards["Doublons probables de l’annuaire"].description
    assert "Aucune" in cards["Familles de l’ESS à vérifier"].description
    client = client_for(staff)
    for card in cards.values():
        if card.url.startswith(("/annuaire/", "/espace-membre/")):
            assert client.get(card.url).status_code == 200, card.url


def test_staff_see_how_many_families_wait_for_their_decision():
    staff = UserFactory(staff=True)
    for n in range(3):
        LegalUnitFactory(legal_category="5710", name=f"SCIC numéro {n}", ess_family="")
    LegalUnit.objects.update(ess_needs_review=True)

    cards = {card.title: card for card in cards_for(staff)["Gestion du pôle"]}

    assert cards["Familles de l’ESS à vérifier"].description == (
        "3 organisations dont la règle ne tranche pas la famille attendent votre décision."
    )
