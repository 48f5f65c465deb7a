"""The support cases' cards in the member space."""

from __future__ import annotations

from django.urls import reverse

from maillage.accounts.space import SpaceCard
from maillage.support.journeys.partners import has_referrals


def cards(user) -> list[SpaceCard]:
    cards = []
    if user.is_hub_staff:
        cards += [
            SpaceCard(
                "Dossiers d’accompagnement",
                reverse("journeys:case_list"),
                "Suivre les porteurs de projet : étapes, rendez-vous, orientations, résultats.",
                section="Gestion du pôle",
            ),
            SpaceCard(
                "Tableau de bord de l’accompagnement",
                reverse("journeys:dashboard"),
                "Dossiers par étape, temps passé, orientations par partenaire, résultats.",
                section="Gestion du pôle",
            ),
        ]
    if (user.is_partner or user.has_member_account) and has_referrals(user):
        cards.append(
            SpaceCard(
                "Porteurs de projet orientés vers vous",
                reverse("space:journeys:partner_referrals"),
                "Accepter, décliner ou clore les orientations du pôle vers vos services.",
                section="Accompagnement",
            )
        )
    return cards
