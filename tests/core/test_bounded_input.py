"""Numbers and dates nothing can hold are refused as wrong input, in French, never a 500."""

import pytest
from django import forms
from django.urls import reverse

from maillage.accounts.models import User

HUGE = 10**23


class People(forms.Form):
    one = forms.ModelChoiceField(queryset=User.objects.all(), required=False)
    many = forms.ModelMultipleChoiceField(queryset=User.objects.all(), required=False)
    day = forms.DateField(required=False)
    moment = forms.DateTimeField(required=False)


@pytest.mark.django_db
@pytest.mark.parametrize("value", [str(HUGE), str(-HUGE), str(2**63)])
def test_a_multiple_choice_refuses_an_id_no_column_holds_in_french(value):
    form = People({"many": [value]})
    assert not form.is_valid()
    assert form.errors["many"] == [f"«\u00a0{value}\u00a0» n’est pas une valeur correcte."]


@pytest.mark.django_db
def test_a_single_choice_refuses_an_id_no_column_holds_in_french():
    form = People({"one": str(HUGE)})
    assert not form.is_valid()
    assert form.errors["one"][0].startswith("Sélectionnez un choix valide.")


@pytest.mark.django_db
def test_the_largest_id_is_still_looked_up(member):
    form = People({"one": str(2**63 - 1), "many": [str(member.pk), str(2**63 - 1)]})
    assert not form.is_valid()  # no such user, but an answer, not an overflow
    assert People({"many": [str(member.pk)]}).is_valid()


@pytest.mark.parametrize(
    ("field", "value"),
    [("day", "9999-12-31"), ("day", "0999-12-31"), ("moment", "9999-12-31 23:59")],
)
def test_a_date_outside_the_years_1000_to_2999_is_refused_in_french(field, value):
    form = People({field: value})
    assert not form.is_valid()
    assert form.errors[field] == ["Saisissez une date comprise entre l’an 1000 et l’an 2999."]


def test_ordinary_dates_are_accepted():
    assert People({"day": "2026-12-31", "moment": "2026-12-31 23:59"}).is_valid()


@pytest.mark.django_db
def test_the_period_summary_answers_a_far_end_date_with_a_form_error(client_for, staff):
    response = client_for(staff).get(
        reverse("activities:staff_summary"), {"start": "2026-01-01", "end": "9999-12-31"}
    )
    assert response.status_code == 400
    assert "Saisissez une date comprise entre l’an 1000 et l’an 2999." in response.content.decode()


def test_an_id_route_still_reverses_and_resolves():
    url = reverse("journeys:document", args=[12, 34])
    assert url.endswith("/12/documents/34/")
