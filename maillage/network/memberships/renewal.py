"""The renewal campaign: last year's members not yet renewed, and their reminders.

Each member is reminded at most once per year: the `RenewalReminder` row is created before the
e-mails are queued, under a unique constraint, so a second click or a cron run sends nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from django.db.models import Q
from django.utils import timezone

from maillage.core.form_tokens import first_write
from maillage.directory.models import Establishment
from maillage.network.memberships.models import Membership, MembershipQuerySet, RenewalReminder
from maillage.network.people.models import Affiliation


def not_renewed(year: int) -> MembershipQuerySet:
    """Memberships of `year - 1` in good standing whose member has none (or a cancelled one)
    for `year`."""
    current = Membership.objects.of_year(year).not_cancelled()
    return (
        Membership.objects.of_year(year - 1)
        .in_good_standing()
        .exclude(legal_unit__in=current.filter(legal_unit__isnull=False).values("legal_unit"))
        .exclude(person__in=current.filter(person__isnull=False).values("person"))
    )


def recipients_of(membership: Membership) -> list[str]:
    """The member's addresses: a person's own, or an organisation's contact e-mails (its open
    establishments' and its current people's), each once."""
    person = membership.person
    if person is not None:
        return [person.email] if person.email and not person.is_erased else []
    sites = Establishment.objects.open().filter(legal_unit_id=membership.legal_unit_id)
    today = timezone.localdate()
    people = Affiliation.objects.filter(
        Q(until__isnull=True) | Q(until__gte=today),
        legal_unit_id=membership.legal_unit_id,
        person__is_erased=False,
    )
    addresses = {email.strip().lower() for email in sites.values_list("email", flat=True)}
    addresses |= {email.strip().lower() for email in people.values_list("person__email", flat=True)}
    return sorted(address for address in addresses if address)


@dataclass(frozen=True)
class CampaignResult:
    queued: int  # members reminded now
    already: int  # members reminded before, left alone
    without_address: list[str]  # members no e-mail reaches: to call or write to


def queue_reminders(year: int) -> CampaignResult:
    """Queue one reminder per member not yet renewed and not yet reminded for `year`."""
    from maillage.network.memberships.tasks import send_renewal_reminder

    pending = not_renewed(year).with_member()
    already = pending.filter(renewal_reminders__year=year).count()
    queued, without = 0, []
    for membership in pending.exclude(renewal_reminders__year=year):
        addresses = recipients_of(membership)
        if not addresses:
            without.append(membership.member_name)
            continue
        create = partial(
            RenewalReminder.objects.create,
            membership=membership,
            year=year,
            recipients=len(addresses),
        )
        reminder = first_write(create)
        if reminder is None:  # another click or the cron got there first
            already += 1
            continue
        send_renewal_reminder.enqueue(reminder.pk)
        queued += 1
    return CampaignResult(queued, already, without)
