"""The confirmation link of a need submitted without an account. Its token exists only in the
e-mail: the worker draws it when it sends the message and the need keeps its hash, so neither the
task table nor the database can confirm a need, and the link reaches only the owner of the
address. It works once, for CONFIRMATION_DAYS."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from maillage.needs import lifecycle
from maillage.needs.models import Need, NeedQuerySet

CONFIRMATION_DAYS = 7


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_link_token(need: Need) -> str:
    """Draw the token of the confirmation link (in the worker) and keep only its hash."""
    token = secrets.token_urlsafe(32)
    Need.objects.filter(pk=need.pk).update(confirmation_hash=digest(token))
    return token


def _waiting(token: str) -> NeedQuerySet:
    if not token or len(token) > 100:
        return Need.objects.none()
    since = timezone.now() - timedelta(days=CONFIRMATION_DAYS)
    return Need.objects.filter(
        confirmation_hash=digest(token), created_at__gte=since, confirmed_at__isnull=True
    )


def waiting(token: str) -> Need | None:
    """The need this link would confirm (a mail scanner opening it confirms nothing)."""
    return _waiting(token).first()


def confirm(token: str) -> Need | None:
    """Publish the need whose link this is; None for an unknown, used or expired link."""
    with transaction.atomic():
        need = _waiting(token).select_for_update().first()
        if need is None:
            return None
        # The link works once: its hash goes with the confirmation.
        need.confirmation_hash = ""
        need.confirmed_at = timezone.now()
        need.save(update_fields=["confirmation_hash", "confirmed_at"])
        lifecycle.record_submission(need, label="Dépôt en ligne")
    return need
