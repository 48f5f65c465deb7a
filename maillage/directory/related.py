"""What the apps above the directory show on an organisation's page and map card: its upcoming
activities (activities), the services it offers (support). The directory cannot import them, so
each registers a provider here from its `AppConfig.ready()`; with none registered the page
simply has no such section.

A provider receives the legal unit and a limit and returns a `RelatedSection`, or None when it
has nothing public to show for that unit; its items are public records only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from maillage.directory.models import LegalUnit


@dataclass(frozen=True)
class RelatedItem:
    title: str
    url: str
    detail: str = ""  # « mardi 12 mai 2026, 10 h · <commune> », « Accompagnement »


@dataclass(frozen=True)
class RelatedSection:
    key: str  # stable, used as the section's HTML id and JSON key
    title: str
    items: list[RelatedItem] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "cle": self.key,
            "titre": self.title,
            "elements": [{"titre": i.title, "url": i.url, "detail": i.detail} for i in self.items],
        }


Provider = Callable[[LegalUnit, int], RelatedSection | None]
_providers: dict[str, Provider] = {}


def register_related(key: str, provider: Provider) -> None:
    """Called once per app from `ready()`; registering the same key again replaces it."""
    _providers[key] = provider


def related_sections(unit: LegalUnit, limit: int) -> list[RelatedSection]:
    """The non-empty sections of every registered app, in registration order."""
    sections = (provider(unit, limit) for provider in _providers.values())
    return [section for section in sections if section is not None and section.items]
