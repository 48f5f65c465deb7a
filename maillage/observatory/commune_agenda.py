"""The agenda on a commune's page. The activities app, above the observatory, registers the
function that lists a commune's next public activities; with none registered the page says the
agenda is unavailable."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

UpcomingProvider = Callable[[Any, int], Sequence[Any]]
_providers: list[UpcomingProvider] = []


def register_upcoming(provider: UpcomingProvider) -> None:
    _providers[:] = [provider]


def upcoming(commune: Any, limit: int) -> Sequence[Any] | None:
    """The commune's next activities, or None when no app provides an agenda."""
    return _providers[0](commune, limit) if _providers else None
