"""Counts that stop early: a list page says « 742 résultats » or « plus de 1 000 résultats »
after reading at most 1 001 rows, and counts exactly only when asked (`?compte=exact`).

Counting every match of a broad filter reads every matching row on each page shown; past a
thousand, the exact figure helps nobody choose what to read next.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet

COUNT_LIMIT = 1000
EXACT_PARAM, EXACT_VALUE = "compte", "exact"


@dataclass(frozen=True)
class Counted:
    """`value` rows exactly, or more than `value` when not `exact`."""

    value: int
    exact: bool


def count_up_to(queryset: QuerySet[Any], limit: int | None = None) -> Counted:
    """The rows of `queryset`, counted up to `limit` (COUNT_LIMIT by default): `limit` + 1 rows
    read at most."""
    limit = COUNT_LIMIT if limit is None else limit
    if not queryset.query.is_sliced:
        queryset = queryset.order_by()  # a sort changes no count
    found = queryset[: limit + 1].count()
    return Counted(min(found, limit), exact=found <= limit)


def counted(queryset: QuerySet[Any], exact: bool) -> Counted:
    return Counted(queryset.count(), exact=True) if exact else count_up_to(queryset)


def wants_exact_count(params: Mapping[str, Any]) -> bool:
    return bool(params.get(EXACT_PARAM) == EXACT_VALUE)


class LazyPaginator(Paginator[Any]):
    """Pages of `rows`, `total` of them (maybe a partial count), or of their first `top` only
    (`rows` then holds min(total, top) rows: no need to count them). When the count stopped
    early below `top`, only the pages up to two past the asked one are counted (`complete` is
    false), so that paging on needs no full count."""

    def __init__(
        self, rows: QuerySet[Any], per_page: int, number: int, total: Counted, top: int | None
    ) -> None:
        super().__init__(rows, per_page)
        if top is not None and (total.exact or total.value >= top):
            reach = Counted(min(total.value, top), exact=True)
        elif total.exact:
            reach = total
        else:
            reach = count_up_to(rows, max(total.value, (number + 2) * per_page))
        self.complete = reach.exact
        self.count = reach.value + (0 if reach.exact else 1)
