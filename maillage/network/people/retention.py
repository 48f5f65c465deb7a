"""The retention rule: people with no exchange for CONTACT_RETENTION_DAYS are anonymised,
unless they hold a current membership, a platform account, or had activity in the period.

Who is a current member is the memberships app's rule, above this one: it registers it here
(`register_member_rule`) so that the address book does not import the memberships."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from maillage.network.people.erasure import erase
from maillage.network.people.models import (
    Consent,
    ContactImport,
    ExportLink,
    Interaction,
    Person,
)

IMPORT_LIFETIME = timedelta(days=30)


@dataclass
class PurgeReport:
    erased: int = 0
    kept_member: int = 0
    kept_account: int = 0
    kept_recent: int = 0
    imports_deleted: int = 0
    links_deleted: int = 0

    def as_dict(self) -> dict[str, int]:
        return self.__dict__.copy()


def retention_days() -> int:
    return getattr(settings, "CONTACT_RETENTION_DAYS", 3 * 365)


# Conditions on Person that make someone a current member, registered by the apps that know.
_MEMBER_RULES: list[Callable[[], Q]] = []


def register_member_rule(rule: Callable[[], Q]) -> None:
    if rule not in _MEMBER_RULES:
        _MEMBER_RULES.append(rule)


def _current_membership() -> Q:
    condition = Q(pk__in=[])
    for rule in _MEMBER_RULES:
        condition |= rule()
    return condition


def _recent_activity(cutoff: datetime) -> Q:
    return Q(
        Exists(Interaction.objects.filter(person=OuterRef("pk"), occurred_on__gte=cutoff.date()))
    ) | Q(Exists(Consent.objects.filter(person=OuterRef("pk"), recorded_at__gte=cutoff)))


def purge_inactive(now: datetime | None = None) -> PurgeReport:
    """Anonymise the people past retention; a second run finds nothing more to do."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=retention_days())
    report = PurgeReport()
    stale = Person.objects.active().inactive_since(cutoff)
    report.kept_account = stale.filter(user__isnull=False).count()
    stale = stale.filter(user__isnull=True)
    report.kept_member = stale.filter(_current_membership()).count()
    stale = stale.exclude(_current_membership())
    report.kept_recent = stale.filter(_recent_activity(cutoff)).count()
    for person in stale.exclude(_recent_activity(cutoff)).order_by("pk"):
        erase(person)
        report.erased += 1
    report.imports_deleted, _ = ContactImport.objects.filter(
        created_at__lt=now - IMPORT_LIFETIME
    ).delete()
    report.links_deleted, _ = ExportLink.objects.filter(expires_at__lt=now).delete()
    return report
