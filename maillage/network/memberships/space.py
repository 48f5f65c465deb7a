"""The memberships' cards in the member space."""

from __future__ import annotations

from django.urls import reverse

from maillage.accounts.space import SpaceCard


def cards(user) -> list[SpaceCard]:
    if user.is_hub_staff:
        return [
            SpaceCard(
                "Adhésions",
                reverse("memberships:list"),
                "Enregistrer les adhésions et les paiements, émettre les reçus, compter par année.",
                section="Gestion du pôle",
            ),
            SpaceCard(
                "Demandes d’adhésion",
                reverse("memberships:join_requests"),
                "Accepter ou refuser les demandes envoyées depuis la page « Devenir adhérent ».",
                section="Gestion du pôle",
            ),
            SpaceCard(
                "Campagne de renouvellement",
                reverse("memberships:renewal"),
                "Voir qui n’a pas encore renouvelé et le relancer par e-mail.",
                section="Gestion du pôle",
            ),
        ]
    if user.has_member_account:
        return [
            SpaceCard(
                "Mon adhésion",
                reverse("space:memberships:mine"),
                "Le statut de l’adhésion de votre structure et ses reçus de cotisation.",
                section="Mon espace",
            )
        ]
    return []
