"""The web app's cards in the member space."""

from __future__ import annotations

from django.urls import reverse

from maillage.accounts.space import SpaceCard


def cards(user) -> list[SpaceCard]:
    if not user.is_hub_staff:
        return []
    return [
        SpaceCard(
            "Tâches planifiées",
            reverse("web:periodic_jobs"),
            "Voir quand tournent les purges et les rappels, et ce qui a échoué.",
            section="Gestion du pôle",
        )
    ]
