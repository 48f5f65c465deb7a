"""The address book's cards in the member space."""

from __future__ import annotations

from django.urls import reverse

from maillage.accounts.space import SpaceCard


def cards(user) -> list[SpaceCard]:
    cards = [
        SpaceCard(
            "Mes données",
            reverse("space:people:my_data"),
            "Voir ce que le pôle conserve sur vous, gérer vos consentements, tout télécharger.",
        )
    ]
    if user.is_hub_staff:
        cards += [
            SpaceCard(
                "Carnet d’adresses",
                reverse("people:book"),
                "Chercher un contact, noter un échange, exporter une sélection.",
                section="Gestion du pôle",
            ),
            SpaceCard(
                "Importer des contacts",
                reverse("people:import_upload"),
                "Reprendre un tableur de contacts et de structures (CSV ou Excel).",
                section="Gestion du pôle",
            ),
        ]
    return cards
