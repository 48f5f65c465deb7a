"""Payments and double submits at the same time, from threads with their own connections.

The receipt numbers of a year must stay unique and without gaps, and one membership paid twice
at once must be paid once: the row lock and the year's unique constraint see to it.
"""

from concurrent.futures import ThreadPoolExecutor
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection

from maillage.network.memberships import enrolment
from maillage.network.memberships.enums import PaymentMethod
from maillage.network.memberships.errors import MembershipError
from maillage.network.memberships.models import Membership
from maillage.network.memberships.payment import record_payment
from tests.directory.factories import LegalUnitFactory
from tests.memberships.factories import MembershipFactory

pytestmark = pytest.mark.django_db(transaction=True)
THREADS = 8


def _in_thread(action):
    def run(*args):
        try:
            return action(*args)
        except MembershipError as error:
            return error
        finally:
            connection.close()

    return run


def _pay(membership):
    return record_payment(membership, Decimal("50"), date(2026, 3, 2), PaymentMethod.TRANSFER)


def test_simultaneous_payments_of_a_year_get_distinct_numbers_without_gaps():
    memberships = MembershipFactory.create_batch(THREADS, year=2026)
    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(_in_thread(_pay), memberships))
    numbers = sorted(Membership.objects.paid().values_list("receipt_number", flat=True))
    assert numbers == list(range(1, THREADS + 1))


def test_one_membership_paid_from_many_tabs_at_once_is_paid_once():
    membership = MembershipFactory(year=2026)
    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(_in_thread(_pay), [membership] * THREADS))
    refused = [r for r in results if isinstance(r, MembershipError)]
    assert len(refused) == THREADS - 1
    membership.refresh_from_db()
    assert membership.receipt_number == 1


def test_a_double_submit_at_once_creates_one_membership(colleges):
    from maillage.network.memberships.models import DuesRate

    rate = DuesRate.objects.get(college__slug="associations", slug="sans-salarie")
    unit = LegalUnitFactory()
    terms = enrolment.Terms(2026, rate)
    with ThreadPoolExecutor(THREADS) as pool:
        results = list(
            pool.map(_in_thread(lambda _: enrolment.enrol(terms, legal_unit=unit)), range(THREADS))
        )
    assert Membership.objects.count() == 1
    assert sum(isinstance(r, MembershipError) for r in results) == THREADS - 1
