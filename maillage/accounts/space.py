"""The member space's cards: each app says what a signed-in person can do there.

An app registers a provider in its `AppConfig.ready`; the provider receives the user and
returns the cards that user may follow (none for a role that has nothing there). The web app's
member space page shows them, so the page grows with the apps without knowing them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class SpaceCard:
    title: str  # in French
    url: str
    description: str  # in French, one sentence
    # Cards are grouped under headings on the page: "Mon réseau", "Gestion du pôle"…
    section: str = "Mon espace"


CardProvider = Callable[[object], Iterable[SpaceCard]]
_PROVIDERS: list[CardProvider] = []

# Headings in page order; a card of an unknown section goes last.
SECTIONS = ("Mon espace", "Mon réseau", "Accompagnement", "Gestion du pôle")


def register_cards(provider: CardProvider) -> None:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)


def cards_for(user) -> dict[str, list[SpaceCard]]:
    """The user's cards grouped by section, sections in page order, empty ones left out."""
    grouped: dict[str, list[SpaceCard]] = {}
    for provider in _PROVIDERS:
        for card in provider(user):
            grouped.setdefault(card.section, []).append(card)
    order = {name: index for index, name in enumerate(SECTIONS)}
    return dict(sorted(grouped.items(), key=lambda item: order.get(item[0], len(order))))
