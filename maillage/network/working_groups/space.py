"""The working groups' cards in the member space."""

from __future__ import annotations

from django.urls import reverse

from maillage.accounts.space import SpaceCard
from maillage.network.working_groups.access import person_of
from maillage.network.working_groups.models import WorkingGroup


def cards(user) -> list[SpaceCard]:
    cards = []
    person = person_of(user)
    # A partner sees the card only once the staff have added them to a group.
    if user.is_member or (person and WorkingGroup.objects.with_member(person).exists()):
        cards.append(
            SpaceCard(
                "Mes groupes de travail",
                reverse("space:working_groups:mine"),
                "Retrouver vos groupes, leurs prochaines réunions et leurs comptes rendus.",
                section="Mon réseau",
            )
        )
    if user.is_hub_staff:
        cards.append(
            SpaceCard(
                "Groupes de travail",
                reverse("working_groups:list"),
                "Créer les groupes, suivre leurs membres, leurs réunions et leurs documents.",
                section="Gestion du pôle",
            )
        )
    return cards
