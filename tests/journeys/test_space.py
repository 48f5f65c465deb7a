from maillage.accounts.space import cards_for
from tests.factories import UserFactory


def titles(user):
    return {card.title: section for section, cards in cards_for(user).items() for card in cards}


def test_staff_get_the_cases_and_the_dashboard_under_the_hub_s_management(staff):
    mine = titles(staff)

    assert mine["Dossiers d’accompagnement"] == "Gestion du pôle"
    assert mine["Tableau de bord de l’accompagnement"] == "Gestion du pôle"


def test_a_partner_gets_its_referrals_card_only_once_something_was_referred(referred_partner):
    assert titles(referred_partner)["Porteurs de projet orientés vers vous"] == "Accompagnement"
    assert "Porteurs de projet orientés vers vous" not in titles(UserFactory(partner=True))


def test_a_member_gets_no_journey_card(member):
    assert not {"Dossiers d’accompagnement", "Porteurs de projet orientés vers vous"} & set(
        titles(member)
    )
