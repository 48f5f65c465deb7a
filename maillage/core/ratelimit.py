"""Limits on how often a public form may be used, shared by every app.

Counted in the database, so every web process (gunicorn workers, several servers) sees the same
count; and atomically, one INSERT … ON CONFLICT … RETURNING per request, so simultaneous requests
are each counted exactly once (PostgreSQL and SQLite both run it as one statement).

A `Limit` allows `hits` requests per fixed window of `period` for one thing counted: a client
address, a registration, an e-mail. What is counted is stored as a keyed hash, never in clear,
so the table holds no personal data; finished windows are deleted by `purge_rate_limits`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.crypto import salted_hmac

from maillage.core.client_address import client_address
from maillage.core.models import RateCounter

TOO_MANY = (
    "Vous avez envoyé ce formulaire trop de fois en peu de temps. Merci de réessayer dans {wait}."
)

_COUNT = """
INSERT INTO core_ratecounter (bucket, window_start, expires_at, hits) VALUES (%s, %s, %s, 1)
ON CONFLICT (bucket) DO UPDATE SET
    hits = CASE WHEN excluded.window_start > core_ratecounter.window_start THEN 1
                ELSE core_ratecounter.hits + 1 END,
    expires_at = CASE WHEN excluded.window_start > core_ratecounter.window_start
                      THEN excluded.expires_at ELSE core_ratecounter.expires_at END,
    window_start = CASE WHEN excluded.window_start > core_ratecounter.window_start
                        THEN excluded.window_start ELSE core_ratecounter.window_start END
RETURNING hits
"""


def _wait_in_french(period: timedelta) -> str:
    minutes = max(1, round(period.total_seconds() / 60))
    if minutes % 60 == 0:
        hours = minutes // 60
        return "une heure" if hours == 1 else f"{hours} heures"
    return "une minute" if minutes == 1 else f"{minutes} minutes"


@dataclass(frozen=True)
class Limit:
    scope: str
    hits: int
    period: timedelta
    # What the person reads when limited, if the form has better words than the default.
    refusal: str = ""

    @property
    def message(self) -> str:
        return self.refusal or TOO_MANY.format(wait=_wait_in_french(self.period))

    def bucket_for(self, counted: str) -> str:
        digest = salted_hmac(f"maillage.ratelimit.{self.scope}", counted, algorithm="sha256")
        return f"{self.scope}:{digest.hexdigest()[:64]}"

    def window(self, now: datetime) -> datetime:
        seconds = int(self.period.total_seconds())
        start = int(now.timestamp()) // seconds * seconds
        return datetime.fromtimestamp(start, tz=UTC)

    def hit(self, counted: str, *, now: datetime | None = None) -> bool:
        """Count one request for `counted`; False when it goes over the limit."""
        return count(self, counted, now=now) <= self.hits


def count(limit: Limit, counted: str, *, now: datetime | None = None) -> int:
    """Count one request and return how many `counted` made in the current window."""
    start = limit.window(now or timezone.now())
    adapt = connection.ops.adapt_datetimefield_value
    params = [limit.bucket_for(counted), adapt(start), adapt(start + limit.period)]
    with connection.cursor() as cursor:
        cursor.execute(_COUNT, params)
        hits: int = cursor.fetchone()[0]
    return hits


def too_many(request: HttpRequest, limit: Limit) -> HttpResponse:
    """The French 429 page, saying when the form may be used again (Retry-After too)."""
    now = timezone.now()
    response = render(request, "core/too_many.html", {"message": limit.message}, status=429)
    response["Retry-After"] = str(int((limit.window(now) + limit.period - now).total_seconds()) + 1)
    return response


View = Callable[..., HttpResponse]


def limit_posts(limit: Limit) -> Callable[[View], View]:
    """A view decorator: POSTs beyond `limit` from one client address get the 429 page."""

    def decorate(view: View) -> View:
        @functools.wraps(view)
        def limited(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            counted = client_address(request) or "inconnue"
            if request.method == "POST" and not limit.hit(counted):
                return too_many(request, limit)
            return view(request, *args, **kwargs)

        return limited

    return decorate


def purge_expired(now: datetime | None = None) -> int:
    deleted, _ = RateCounter.objects.filter(expires_at__lte=now or timezone.now()).delete()
    return deleted
