"""What the yearly report reads of the funding: income by funder, mandates of the year."""

from datetime import date
from decimal import Decimal

import pytest

from maillage.reports.funding.queries import income_by_funder, mandates_during
from tests.reports.funding.factories import (
    FunderFactory,
    GrantFactory,
    InstalmentFactory,
    MandateFactory,
)

pytestmark = pytest.mark.django_db


def test_income_by_funder_adds_the_grants_of_the_year_and_what_was_received_in_it(
    django_assert_num_queries,
):
    region = FunderFactory(name="Région")
    first = GrantFactory(funder=region, amount=Decimal("10000"))
    GrantFactory(funder=region, amount=Decimal("10000"))  # same amount: counted twice
    GrantFactory(funder=region, starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31))
    InstalmentFactory(grant=first, amount=Decimal("6000"), received_on=date(2026, 3, 1))
    InstalmentFactory(grant=first, amount=Decimal("4000"), received_on=None)
    FunderFactory(name="Sans subvention")

    with django_assert_num_queries(2):
        income = income_by_funder(2026)

    assert [(i.funder.name, i.granted, i.received) for i in income] == [
        ("Région", Decimal("20000"), Decimal("6000"))
    ]


def test_mandates_during_a_year_include_those_begun_before_and_still_held():
    held = MandateFactory(starts_on=date(2024, 5, 1))
    MandateFactory(starts_on=date(2020, 1, 1), ends_on=date(2025, 12, 31))
    MandateFactory(starts_on=date(2027, 1, 1))

    assert list(mandates_during(date(2026, 1, 1), date(2026, 12, 31))) == [held]
