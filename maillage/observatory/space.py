"""The observatory's cards in the member space: its staff pages, for the hub's staff."""

from __future__ import annotations

from django.urls import reverse

from maillage.accounts.space import SpaceCard

SECTION = "Gestion du pôle"


def cards(user: object) -> list[SpaceCard]:
    if not getattr(user, "is_hub_staff", False):
        return []
    return [
        SpaceCard(
            "Calculs de l’observatoire",
            reverse("observatory:snapshots"),
            "Calculer un instantané des chiffres de l’ESS depuis l’annuaire ou un fichier SIRENE.",
            section=SECTION,
        ),
        SpaceCard(
            "Comparaison avec les chiffres publiés",
            reverse("observatory:comparison"),
            "Mettre les chiffres calculés en regard des chiffres publiés, avec leurs écarts.",
            section=SECTION,
        ),
    ]
