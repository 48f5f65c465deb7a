"""Saving a grant with the plan actions it funds, and keeping its schedule within its amount."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum

from maillage.core.french import euros
from maillage.plan.links import actions_of, link_actions, unlink_actions
from maillage.plan.models import Action
from maillage.reports.funding.errors import FundingRefused
from maillage.reports.funding.models import Grant, Instalment


def _locked(grant: Grant) -> Grant:
    return Grant.objects.select_for_update().get(pk=grant.pk)


@transaction.atomic
def save_grant(grant: Grant, actions: Iterable[Action]) -> Grant:
    """Save `grant` linked to exactly these plan actions; an amount below the instalments
    already scheduled is refused."""
    if grant.pk is not None:
        scheduled = _locked(grant).scheduled_total()
        if grant.amount < scheduled:
            raise FundingRefused(
                f"Le montant accordé ne peut pas passer sous les versements prévus "
                f"({euros(scheduled)})."
            )
    grant.save()
    wanted = set(actions)
    unlink_actions(grant, set(actions_of(grant)) - wanted)
    link_actions(grant, wanted)
    return grant


@transaction.atomic
def schedule_instalment(grant: Grant, amount: Decimal, expected_on: date) -> Instalment:
    """Add a payment to the schedule; the instalments never add up to more than the grant
    (the grant's row is locked, so two staff adding at once cannot pass it together)."""
    locked = _locked(grant)
    total = locked.scheduled_total() + amount
    if total > locked.amount:
        raise FundingRefused(
            f"Les versements ({euros(total)}) dépasseraient le montant accordé "
            f"({euros(locked.amount)})."
        )
    return Instalment.objects.create(grant=locked, amount=amount, expected_on=expected_on)


@transaction.atomic
def change_instalment(
    instalment: Instalment,
    amount: Decimal,
    expected_on: date,
    received_on: date | None,
    today: date,
) -> Instalment:
    """Change a scheduled payment; with the others it still never adds up to more than the
    grant (the grant's row is locked, as when scheduling), and it is not received in the future."""
    if received_on is not None and received_on > today:
        raise FundingRefused("Un versement ne peut pas être reçu à une date future.")
    locked = _locked(instalment.grant)
    others = locked.instalments.exclude(pk=instalment.pk).aggregate(total=Sum("amount"))["total"]
    total = (others or Decimal(0)) + amount
    if total > locked.amount:
        raise FundingRefused(
            f"Les versements ({euros(total)}) dépasseraient le montant accordé "
            f"({euros(locked.amount)})."
        )
    instalment.amount, instalment.expected_on, instalment.received_on = (
        amount,
        expected_on,
        received_on,
    )
    instalment.save(update_fields=["amount", "expected_on", "received_on"])
    return instalment


def record_received(instalment: Instalment, on: date, today: date) -> Instalment:
    if on > today:
        raise FundingRefused("Un versement ne peut pas être reçu à une date future.")
    Instalment.objects.filter(pk=instalment.pk).update(received_on=on)
    instalment.received_on = on
    return instalment
