from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError

from maillage.network.memberships.enums import MembershipStatus, PaymentMethod
from maillage.network.memberships.errors import MembershipError
from maillage.network.memberships.payment import record_payment
from maillage.network.memberships.status import change_status
from tests.memberships.factories import MembershipFactory

pytestmark = pytest.mark.django_db
PAID_ON = date(2026, 3, 2)


def pay(membership, amount="50"):
    return record_payment(membership, Decimal(amount), PAID_ON, PaymentMethod.CHEQUE)


def test_receipts_are_numbered_in_sequence_within_each_year():
    first, second = MembershipFactory(year=2026), MembershipFactory(year=2026)
    earlier = MembershipFactory(year=2025)
    assert pay(first).receipt_label == "2026-0001"
    assert pay(second).receipt_label == "2026-0002"
    assert pay(earlier).receipt_label == "2025-0001"


def test_a_second_payment_is_refused_and_keeps_the_first_receipt():
    membership = pay(MembershipFactory())
    with pytest.raises(MembershipError, match="déjà enregistré"):
        pay(membership, "80")
    membership.refresh_from_db()
    assert (membership.paid_amount, membership.receipt_number) == (Decimal("50"), 1)


def test_two_memberships_of_a_year_cannot_share_a_receipt_number():
    MembershipFactory(paid=True, receipt_number=7)
    with pytest.raises(IntegrityError):
        MembershipFactory(paid=True, receipt_number=7)


def test_a_paid_membership_without_payment_date_is_refused_by_the_database():
    with pytest.raises(IntegrityError):
        MembershipFactory(paid=True, paid_on=None)


def test_paying_this_year_flags_the_organisation_as_member_of_the_hub():
    membership = MembershipFactory(year=date.today().year)
    assert not membership.legal_unit.is_hub_member
    pay(membership)
    membership.legal_unit.refresh_from_db()
    assert membership.legal_unit.is_hub_member


def test_cancelling_the_membership_removes_the_flag_and_waiving_sets_it():
    membership = pay(MembershipFactory(year=date.today().year))
    change_status(membership, MembershipStatus.CANCELLED)
    membership.legal_unit.refresh_from_db()
    assert not membership.legal_unit.is_hub_member
    change_status(membership, MembershipStatus.PENDING)
    change_status(membership, MembershipStatus.WAIVED)
    membership.legal_unit.refresh_from_db()
    assert membership.legal_unit.is_hub_member


def test_last_year_s_payment_does_not_make_a_member_this_year():
    membership = pay(MembershipFactory(year=date.today().year - 1))
    membership.legal_unit.refresh_from_db()
    assert not membership.legal_unit.is_hub_member


def test_a_cancelled_membership_cannot_be_paid_nor_jump_to_waived():
    membership = MembershipFactory(cancelled=True)
    with pytest.raises(MembershipError, match="annulée"):
        pay(membership)
    with pytest.raises(MembershipError, match="ne peut pas passer"):
        change_status(membership, MembershipStatus.WAIVED)


def test_a_reopened_payment_keeps_its_receipt_number():
    membership = pay(MembershipFactory())
    change_status(membership, MembershipStatus.CANCELLED)
    change_status(membership, MembershipStatus.PENDING)
    assert pay(MembershipFactory(year=2026)).receipt_label == "2026-0002"  # meanwhile
    assert pay(membership).receipt_label == "2026-0001"
