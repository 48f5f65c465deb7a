"""The web app's cards in the member space: the staff home and the periodic jobs, for staff."""

from __future__ import annotations

from django.urls import reverse

from maillage.accounts.space import SpaceCard


def cards(user) -> list[SpaceCard]:
    if not user.is_hub_staff:
        return []
    return [
        SpaceCard(
            "Aujourd’hui pour l’équipe",
            reverse("web:staff_home"),
            "Les activités des deux semaines à venir et tout ce qui attend une action.",
            section="Gestion du pôle",
        ),
        SpaceCard(
            "Tâches planifiées",
            reverse("web:periodic_jobs"),
            "Voir quand tournent les purges et les rappels, et ce qui a échoué.",
            section="Gestion du pôle",
        ),
    ]
