"""Record what people look for in the directory, anonymously, and read it back for the staff.

Only the folded query, the filters and the number of results are kept: no address, no user, no
session, no time of day. A page change or an empty search is not a new search.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Max

from maillage.directory.filters import DirectoryFilters
from maillage.directory.models import SearchLog

# The periods staff can read the report over: the log keeps no search older than the longest.
REPORT_PERIODS = {"7": 7, "30": 30, "90": 90, "365": 365}
KEPT_DAYS = max(REPORT_PERIODS.values())


def is_worth_recording(filters: DirectoryFilters) -> bool:
    # An e-mail address typed in the box names a person and tells the report nothing.
    return not filters.is_empty and filters.page == 1 and "@" not in filters.q


def record_search(filters: DirectoryFilters, result_count: int) -> SearchLog | None:
    if not is_worth_recording(filters):
        return None
    return SearchLog.objects.create(
        query=filters.folded_query[:200], filters=filters.as_log(), result_count=result_count
    )


@dataclass(frozen=True)
class SearchSummary:
    query: str
    filters: dict[str, Any]
    times: int
    result_count: int  # the largest seen over the period
    last_searched_on: date


def _summaries(since: date, limit: int, without_results: bool) -> list[SearchSummary]:
    logs = SearchLog.objects.filter(searched_on__gte=since)
    if without_results:
        logs = logs.filter(result_count=0)
    rows = (
        logs.values("query", "filters")
        .annotate(times=Count("id"), last=Max("searched_on"), count=Max("result_count"))
        .order_by("-times", "query")[:limit]
    )
    return [
        SearchSummary(row["query"], row["filters"], row["times"], row["count"], row["last"])
        for row in rows
    ]


def most_frequent(days: int, limit: int = 30, today: date | None = None) -> list[SearchSummary]:
    since = (today or date.today()) - timedelta(days=days)
    return _summaries(since, limit, without_results=False)


def without_results(days: int, limit: int = 30, today: date | None = None) -> list[SearchSummary]:
    """Searches that found nothing: what people need and the directory does not show."""
    since = (today or date.today()) - timedelta(days=days)
    return _summaries(since, limit, without_results=True)
