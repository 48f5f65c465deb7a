"""The agenda's cards in the member space."""

from __future__ import annotations

from django.urls import reverse

from maillage.accounts.space import SpaceCard


def cards(user) -> list[SpaceCard]:
    cards = [
        SpaceCard(
            "L’agenda du réseau",
            reverse("activities:agenda"),
            "Vous inscrire aux formations, aux événements et aux temps d’échange.",
            section="Mon réseau",
        ),
        SpaceCard(
            "Mes inscriptions",
            reverse("space:activities:mine"),
            "Vos inscriptions à venir et passées, leur annulation et votre calendrier.",
            section="Mon espace",
        ),
    ]
    if user.is_hub_staff:
        cards += [
            SpaceCard(
                "Activités et inscriptions",
                reverse("activities:staff_list"),
                "Suivre les inscriptions, les présences et les publics de chaque activité.",
                section="Gestion du pôle",
            ),
            SpaceCard(
                "Bilan des activités",
                reverse("activities:staff_summary"),
                "Compter les activités et les publics touchés sur une période.",
                section="Gestion du pôle",
            ),
        ]
    return cards
