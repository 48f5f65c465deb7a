"""The funding records' rules hold in the database itself, whatever path writes them."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError

from maillage.reports.funding.errors import FundingRefused
from maillage.reports.funding.grants import save_grant, schedule_instalment
from maillage.reports.funding.models import Redistribution
from tests.reports.funding.factories import (
    BudgetLineFactory,
    FunderFactory,
    GrantFactory,
    InstalmentFactory,
    MandateFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "make",
    [
        lambda: GrantFactory(amount=Decimal("-1")),
        lambda: GrantFactory(starts_on=date(2026, 6, 1), ends_on=date(2026, 5, 31)),
        lambda: InstalmentFactory(amount=Decimal("0")),
        lambda: BudgetLineFactory(planned=Decimal("-5")),
        lambda: BudgetLineFactory(actual=Decimal("-5")),
        lambda: MandateFactory(starts_on=date(2026, 6, 1), ends_on=date(2026, 5, 1)),
        lambda: FunderFactory(siret="2235000180001"),
    ],
    ids=[
        "negative grant",
        "period ending before it starts",
        "empty instalment",
        "negative planned budget",
        "negative actual budget",
        "mandate ending before it starts",
        "siret of 13 digits",
    ],
)
def test_the_database_refuses_an_impossible_row(make):
    with pytest.raises(IntegrityError):
        make()


def test_a_redistribution_names_its_beneficiary_by_siret_or_rna():
    grant = GrantFactory()
    with pytest.raises(IntegrityError):
        Redistribution.objects.create(
            grant=grant,
            beneficiary_name="Association sans numéro",
            purpose="Fonds de soutien",
            amount=Decimal("500"),
            agreement_on=date(2026, 3, 1),
        )


def test_instalments_never_add_up_to_more_than_the_grant():
    grant = GrantFactory(amount=Decimal("20000"))
    schedule_instalment(grant, Decimal("15000"), date(2026, 3, 1))

    with pytest.raises(FundingRefused, match="dépasseraient le montant accordé"):
        schedule_instalment(grant, Decimal("5000.01"), date(2026, 9, 1))
    schedule_instalment(grant, Decimal("5000"), date(2026, 9, 1))

    assert grant.scheduled_total() == Decimal("20000")


def test_a_grant_s_amount_cannot_fall_below_its_schedule():
    grant = GrantFactory(amount=Decimal("20000"))
    InstalmentFactory(grant=grant, amount=Decimal("12000"))
    grant.amount = Decimal("10000")

    with pytest.raises(FundingRefused, match="sous les versements prévus"):
        save_grant(grant, [])
