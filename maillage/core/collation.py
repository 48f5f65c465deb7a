"""French order of names: « Bégard » before « Brest », « Écopôle » among the E.

Both sides use the Unicode Collation Algorithm, whose root order is the French order: in Python,
pyuca; in the database, the collation `und-x-icu` — ICU's on PostgreSQL, pyuca registered
under that name on each SQLite connection — so that a paginated list sorts in the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from typing import Any, TypeVar

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import F
from django.db.models.functions import Collate
from pyuca import Collator  # type: ignore[import-untyped]

COLLATION = "und-x-icu"
T = TypeVar("T")


@cache
def _collator() -> Collator:
    return Collator()


@lru_cache(maxsize=65536)
def sort_key(text: str) -> tuple[int, ...]:
    """The key that sorts `text` in French order (case and accents break ties only)."""
    return tuple(_collator().sort_key(text))


def sorted_by_name(items: Iterable[T], name: Callable[[T], str] = str) -> list[T]:
    return sorted(items, key=lambda item: sort_key(name(item) or ""))


def by_name(field: str = "name") -> Collate:
    """`queryset.order_by(by_name("name"), "pk")`: French order in the database."""
    return Collate(F(field), COLLATION)


def _compare(left: str, right: str) -> int:
    a, b = sort_key(left), sort_key(right)
    return (a > b) - (a < b)


def register_sqlite_collation(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """Signal receiver (connection_created): SQLite has no ICU, so pyuca serves the collation."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(COLLATION, _compare)
