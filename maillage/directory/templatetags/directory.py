"""Template helpers of the public directory: labels of codes, pages of a list."""

from __future__ import annotations

from django import template

from maillage.directory.enums import EssFamily
from maillage.directory.nomenclatures import naf_sections

register = template.Library()


@register.filter
def family_label(code: str) -> str:
    return EssFamily(code).label if code in EssFamily.values else ""


@register.filter
def naf_section_label(code: str) -> str:
    return naf_sections().get(code, "")


@register.filter
def page_query(filters, number: int) -> str:
    return filters.as_query_string(page=number)


@register.filter
def pages_around(paginator, current: int) -> list[int | None]:
    """First, last and two pages each side of the current one; None marks a gap. When the
    rows were not all counted (`core.counting.LazyPaginator`), the last is unknown: a gap ends
    the list instead."""
    complete = getattr(paginator, "complete", True)
    last = paginator.num_pages if complete else min(paginator.num_pages, current + 2)
    shown = {1, *range(current - 2, current + 3)} | ({last} if complete else set())
    numbers = sorted(n for n in shown if 1 <= n <= last)
    pages: list[int | None] = []
    for number in numbers:
        if pages and number - pages[-1] > 1:
            pages.append(None)
        pages.append(number)
    if not complete:
        pages.append(None)
    return pages
