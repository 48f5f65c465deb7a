"""Staff write the year's expenses of each plan action on a page; the report shows them by
action beside the income by funder, counted from those rows."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from maillage.reports.annual.building import build_content
from maillage.reports.annual.freezing import report_of
from maillage.reports.funding.models import ActionExpense
from maillage.reports.funding.spending import set_expenses
from tests.reports.funding.factories import FunderFactory, GrantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def this_year():
    return timezone.localdate().year


def url(year):
    return reverse("funding:expenses", args=[year])


def field(action):
    return f"action_{action.pk}"


@pytest.mark.parametrize("who", [None, "member", "partner"])
def test_the_expenses_page_is_the_staffs(client_for, who, request, this_year):
    user = request.getfixturevalue(who) if who else None
    response = client_for(user).get(url(this_year))
    assert response.status_code == (302 if user is None else 403)


def test_staff_write_amounts_the_french_way_and_a_blank_removes_one(
    client_for, staff, plan, this_year
):
    client = client_for(staff)
    page = spaced(client.get(url(this_year)).content.decode())
    assert f"Action {plan.first.code} : {plan.first.title} (€)" in page
    data = {field(plan.first): "12 500,50", field(plan.second): "", field(plan.other): "980"}
    response = client.post(url(this_year), data)
    assert response.status_code == 302
    assert set_of(this_year) == {
        (plan.first.pk, Decimal("12500.50")),
        (plan.other.pk, Decimal("980.00")),
    }
    client.post(url(this_year), data)  # sent twice: the same rows
    assert ActionExpense.objects.count() == 2

    client.post(url(this_year), {**data, field(plan.other): ""})
    assert set_of(this_year) == {(plan.first.pk, Decimal("12500.50"))}
    assert 'value="12 500,50"' in spaced(client.get(url(this_year)).content.decode())


def spaced(text):
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def set_of(year):
    return set(ActionExpense.objects.filter(year=year).values_list("action_id", "amount"))


def test_a_negative_amount_is_refused_and_nothing_is_written(client_for, staff, plan, this_year):
    response = client_for(staff).post(
        url(this_year), {field(plan.first): "-10", field(plan.second): "300"}
    )
    assert response.status_code == 400
    assert "Une dépense ne peut pas être négative." in response.content.decode()
    assert not ActionExpense.objects.exists()


def test_a_year_far_in_the_past_or_ahead_has_no_expenses_page(client_for, staff, this_year):
    client = client_for(staff)
    assert client.get(url(this_year + 1)).status_code == 404
    assert client.get(url(this_year - 6)).status_code == 404


def test_the_report_shows_expenses_by_action_in_plan_order_beside_income(plan):
    year = 2026
    set_expenses(year, {plan.other.pk: Decimal("980.50"), plan.first.pk: Decimal("12500.49")})
    set_expenses(year - 1, {plan.second.pk: Decimal("4000")})  # another year: not counted
    GrantFactory(funder=FunderFactory(name="Région fictive"))
    means = build_content(report_of(year)).means
    assert [table.caption for table in means] == [
        "Financements par financeur en 2026 (€)",
        "Dépenses par action en 2026 (€)",
    ]
    expenses = means[1]
    assert expenses.rows == [["1a.1. Ateliers", 12500], ["2a.1. Suivi", 981]]
    assert "Total : 13\u00a0480,99\u00a0€" in expenses.source


def test_without_expenses_the_report_shows_no_expenses_table(plan):
    set_expenses(2026, {plan.first.pk: None})
    assert build_content(report_of(2026)).means == []
