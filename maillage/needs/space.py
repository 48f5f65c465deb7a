"""The needs' cards in the member space."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from maillage.accounts.space import SpaceCard


def cards(user: Any) -> list[SpaceCard]:
    mine = [
        SpaceCard(
            "Mes besoins",
            reverse("space:needs:mine"),
            "Les besoins du territoire que vous avez exprimés, et où en est leur réponse.",
            section="Mon espace",
        ),
        SpaceCard(
            "Mes soutiens",
            reverse("space:needs:supports"),
            "Les besoins que vous soutenez.",
            section="Mon espace",
        ),
    ]
    if user.is_hub_staff:
        return [
            SpaceCard(
                "Besoins du territoire",
                reverse("needs:queue"),
                "Qualifier les besoins exprimés, suivre leur réponse, modérer les commentaires.",
                section="Gestion du pôle",
            ),
            *mine,
        ]
    return mine
