"""« Par où commencer » by e-mail: sent once through the task worker, never stored here.

Abuse (using the form to send mail to strangers) is limited per visitor: a few summaries per
hour for the same network address (REMOTE_ADDR, as for the login lockout), counted in the cache
under a hash of the address. With the default per-process cache, each server process counts on
its own: a shared cache (CACHES) makes the limit exact across processes. The
e-mail address is not written to any table of this app; it lives only in the queued e-mail
task until the worker has sent it (prune old task results with `prune_db_task_results`)."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.template.loader import render_to_string

from maillage.hub import current_hub

PER_HOUR = 5


class TooManySummaries(Exception):
    pass


def client_key(remote_addr: str) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{remote_addr}".encode()).hexdigest()
    return f"services:summary:{digest[:32]}"


def _count(client: str) -> int:
    cache.add(client, 0, timeout=3600)
    try:
        return cache.incr(client)
    except ValueError:  # expired between add and incr
        cache.set(client, 1, timeout=3600)
        return 1


def send(email: str, suggestions: list, results_url: str, client: str) -> None:
    if _count(client) > PER_HOUR:
        raise TooManySummaries(
            "Vous avez déjà demandé plusieurs récapitulatifs cette heure-ci : réessayez plus "
            "tard, ou imprimez cette page."
        )
    body = render_to_string(
        "services/email/summary.txt",
        {"suggestions": suggestions, "results_url": results_url, "hub": current_hub().identity},
    )
    send_mail(
        "Votre accompagnement : par où commencer",
        body,
        settings.DEFAULT_FROM_EMAIL,
        [email],
    )
