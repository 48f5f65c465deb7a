"""The report's means and mandates come from the funding records: income by funder, the bodies
where the hub is represented (never the representative's name)."""

from datetime import date
from decimal import Decimal

import pytest

from maillage.reports.annual.building import build_content
from maillage.reports.annual.freezing import report_of
from tests.reports.funding.factories import (
    FunderFactory,
    GrantFactory,
    InstalmentFactory,
    MandateFactory,
)

pytestmark = pytest.mark.django_db
YEAR = 2026


def test_income_is_shown_by_funder_granted_and_received_in_the_year():
    region = FunderFactory(name="Région fictive")
    grant = GrantFactory(funder=region, amount=Decimal("20000.00"))
    InstalmentFactory(grant=grant, amount=Decimal("8000.00"), received_on=date(YEAR, 3, 2))
    InstalmentFactory(grant=grant, amount=Decimal("12000.00"))  # not received yet
    content = build_content(report_of(YEAR))
    (income,) = content.means
    assert income.rows == [["Région fictive", 20000.0, 8000.0]]


def test_without_funding_the_means_are_empty_and_said_to_come():
    assert build_content(report_of(YEAR)).means == []


def test_mandates_name_the_body_and_dates_never_the_person():
    mandate = MandateFactory(role="Titulaire", starts_on=date(YEAR - 1, 5, 1))
    content = build_content(report_of(YEAR))
    (table,) = content.mandates
    assert table.rows == [[mandate.body.name, "Titulaire", f"01/05/{YEAR - 1}", "en cours"]]
    assert str(mandate.person) not in str(content.to_json())
