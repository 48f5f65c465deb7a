"""The service offer's cards in the member space."""

from __future__ import annotations

from django.urls import reverse

from maillage.accounts.space import SpaceCard
from maillage.support.services.representation import represents_a_provider


def cards(user) -> list[SpaceCard]:
    cards = []
    if (user.has_member_account or user.is_partner) and represents_a_provider(user):
        cards.append(
            SpaceCard(
                "Mes services d’accompagnement",
                reverse("space:services:space_list"),
                "Décrire et tenir à jour les services que votre structure propose aux porteurs "
                "de projet.",
                section="Accompagnement",
            )
        )
    if user.is_hub_staff:
        cards.append(
            SpaceCard(
                "Services à valider",
                reverse("services:validation"),
                "Publier les services proposés par les structures, ou les leur renvoyer.",
                section="Gestion du pôle",
            )
        )
    return cards
