"""Entries nobody confirmed for too long: flagged to staff, their representatives reminded.

The period is the setting DIRECTORY_CONFIRMATION_MAX_AGE_DAYS (365 days by default). A reminder
is recorded on the entry (`last_reminded_on`), so a second run in the same period sends nothing.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from maillage.directory.models import Claim, Establishment
from maillage.directory.models.organisations import EstablishmentQuerySet
from maillage.hub import current_hub
from maillage.mail import email_task

DEFAULT_MAX_AGE_DAYS = 365


def max_age() -> timedelta:
    return timedelta(
        days=getattr(settings, "DIRECTORY_CONFIRMATION_MAX_AGE_DAYS", DEFAULT_MAX_AGE_DAYS)
    )


def stale_entries(today: date | None = None) -> EstablishmentQuerySet:
    cutoff = (today or timezone.localdate()) - max_age()
    return Establishment.objects.unconfirmed_since(cutoff)


def remind_representatives(today: date | None = None) -> int:
    """E-mail each representative the list of their stale entries; return the e-mails sent."""
    today = today or timezone.localdate()
    cutoff = today - max_age()
    by_user: dict[int, list[Establishment]] = defaultdict(list)
    with transaction.atomic():
        due = list(
            stale_entries(today)
            .not_reminded_since(cutoff)
            # A subquery, not a join: PostgreSQL refuses FOR UPDATE with DISTINCT.
            .filter(legal_unit__in=Claim.objects.approved().values("legal_unit"))
            .select_for_update()
        )
        claims = Claim.objects.approved().filter(
            legal_unit_id__in={site.legal_unit_id for site in due}
        )
        for claim in claims.select_related("user"):
            if claim.user.is_active:
                for site in due:
                    if site.legal_unit_id == claim.legal_unit_id:
                        by_user[claim.user_id].append(site)
        Establishment.objects.filter(pk__in=[site.pk for site in due]).update(
            last_reminded_on=today
        )
    _send(by_user)
    return len(by_user)


def _send(by_user: dict[int, list[Establishment]]) -> None:
    for user_id, sites in by_user.items():
        send_stale_reminder.enqueue(user_id, [site.pk for site in sites])


@email_task
def send_stale_reminder(user_id: int, site_pks: list[int]) -> EmailMessage | None:
    """The list of a representative's stale entries, written when the worker runs: the task
    table holds ids, not the address."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    sites = Establishment.objects.filter(pk__in=site_pks).order_by("pk")
    if user is None or not sites:
        return None
    hub = current_hub().identity.name
    names = "\n".join(f"- {site.display_name}" for site in sites)
    return EmailMessage(
        f"{hub} : vos fiches de l’annuaire sont-elles toujours à jour ?",
        f"Bonjour,\n\nCes fiches de l’annuaire n’ont pas été confirmées depuis longtemps :\n"
        f"{names}\n\nDepuis votre espace (« Mes structures »), corrigez-les ou confirmez "
        "qu’elles sont toujours justes.\n",
        None,
        [user.email],
    )
