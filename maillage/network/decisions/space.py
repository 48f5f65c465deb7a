"""The decisions' cards in the member space."""

from __future__ import annotations

from django.urls import reverse

from maillage.accounts.space import SpaceCard
from maillage.network.decisions.queries import awaiting_voice_of


def cards(user) -> list[SpaceCard]:
    cards = []
    if user.is_member:
        waiting = len(awaiting_voice_of(user))
        if waiting:
            description = (
                f"{waiting} proposition{'s' if waiting > 1 else ''} "
                f"attend{'ent' if waiting > 1 else ''} votre voix."
            )
        else:
            description = "Aucune proposition n’attend votre voix : relire les décisions prises."
        cards.append(
            SpaceCard(
                "Décisions en cours",
                reverse("decisions:list"),
                description,
                section="Mon réseau",
            )
        )
    if user.is_hub_staff:
        cards.append(
            SpaceCard(
                "Décisions",
                reverse("decisions:list"),
                "Préparer, ouvrir et clore les propositions soumises aux adhérents et aux groupes.",
                section="Gestion du pôle",
            )
        )
    return cards
