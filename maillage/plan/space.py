"""The project's cards in the member space."""

from __future__ import annotations

from django.urls import reverse

from maillage.accounts.space import SpaceCard


def cards(user) -> list[SpaceCard]:
    cards = [
        SpaceCard(
            "Notre projet",
            reverse("plan:project"),
            "Relire la vision, les objectifs et les actions du pôle.",
            section="Mon réseau",
        )
    ]
    if user.is_administrator:
        cards.append(
            SpaceCard(
                "Le projet dans l’administration",
                reverse("admin:app_list", kwargs={"app_label": "plan"}),
                "Modifier les valeurs, les objectifs, les actions et les publics du projet.",
                section="Gestion du pôle",
            )
        )
    return cards
