"""Record a membership's payment: the receipt gets the year's next number."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Max

from maillage.network.memberships.enums import MembershipStatus, PaymentMethod
from maillage.network.memberships.errors import MembershipError
from maillage.network.memberships.hub_members import sync_hub_member_flags
from maillage.network.memberships.models import Membership, ReceiptSequence


def record_payment(
    membership: Membership, amount: Decimal, paid_on: date, method: PaymentMethod
) -> Membership:
    """Mark the membership paid and number its receipt; a second call is refused."""
    try:
        with transaction.atomic():
            membership = _pay(membership.pk, amount, paid_on, method)
    except IntegrityError:  # the constraints stand behind the locks: say so, change nothing
        raise MembershipError(
            "Le paiement n’a pas pu être enregistré : réessayez dans un instant."
        ) from None
    sync_hub_member_flags([membership.legal_unit_id])
    return membership


def _pay(pk: int, amount: Decimal, paid_on: date, method: PaymentMethod) -> Membership:
    membership = Membership.objects.select_for_update().get(pk=pk)
    if membership.status == MembershipStatus.PAID:
        raise MembershipError(
            "Le paiement de cette adhésion est déjà enregistré "
            f"(reçu n° {membership.receipt_label})."
        )
    if membership.status == MembershipStatus.CANCELLED:
        raise MembershipError(
            "Cette adhésion est annulée : rouvrez-la avant d’enregistrer un paiement."
        )
    if amount < 0:
        raise MembershipError("Le montant reçu ne peut pas être négatif.")
    if membership.receipt_number is None:  # a payment cancelled then reopened keeps its number
        membership.receipt_number = _next_number(membership.year)
    membership.status = MembershipStatus.PAID
    membership.paid_amount = amount
    membership.paid_on = paid_on
    membership.payment_method = method
    membership.save()
    return membership


def _next_number(year: int) -> int:
    ReceiptSequence.objects.get_or_create(year=year)
    sequence = ReceiptSequence.objects.select_for_update().get(year=year)
    # Receipts numbered elsewhere (an import) are counted too.
    given = Membership.objects.of_year(year).aggregate(last=Max("receipt_number"))["last"]
    sequence.last_number = max(sequence.last_number, given or 0) + 1
    sequence.save(update_fields=["last_number"])
    return sequence.last_number
