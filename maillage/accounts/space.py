"""The member space's cards: each app says what a signed-in person can do there.

Each app writes a `cards(user)` function in its `space.py`, found by `discover_cards`; it
receives the user and returns the cards that user may follow (none for a role that has nothing
there). The web app's member space page shows them, so the page grows with the apps without
knowing them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module

from django.apps import apps
from django.urls import reverse
from django.utils.module_loading import module_has_submodule


@dataclass(frozen=True)
class SpaceCard:
    title: str  # in French
    url: str
    description: str  # in French, one sentence
    # Cards are grouped under headings on the page: "Mon réseau", "Gestion du pôle"…
    section: str = "Mon espace"


CardProvider = Callable[[object], Iterable[SpaceCard]]
_PROVIDERS: list[CardProvider] = []

# Headings in page order; a card of an unknown section goes last. The account's own settings
# (password) come after the work, out of the way.
SECTIONS = ("Mon espace", "Mon réseau", "Accompagnement", "Gestion du pôle", "Mon compte")


def register_cards(provider: CardProvider) -> None:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)


def discover_cards() -> None:
    """Register `cards` of every installed app that has a `space` module."""
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "space"):
            register_cards(import_module(f"{config.name}.space").cards)


def cards_for(user) -> dict[str, list[SpaceCard]]:
    """The user's cards grouped by section, sections in page order, empty ones left out."""
    grouped: dict[str, list[SpaceCard]] = {}
    for provider in _PROVIDERS:
        for card in provider(user):
            grouped.setdefault(card.section, []).append(card)
    order = {name: index for index, name in enumerate(SECTIONS)}
    return dict(sorted(grouped.items(), key=lambda item: order.get(item[0], len(order))))


def cards(user) -> list[SpaceCard]:
    """The accounts' own cards."""
    cards = [
        SpaceCard(
            "Changer mon mot de passe",
            reverse("accounts:password_change"),
            "Choisir un nouveau mot de passe pour votre compte.",
            section="Mon compte",
        )
    ]
    if user.is_administrator:
        cards.append(
            SpaceCard(
                "Administration",
                reverse("admin:index"),
                "Gérer les comptes, le territoire et les données du pôle.",
                section="Gestion du pôle",
            )
        )
    return cards
