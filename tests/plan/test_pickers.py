"""Plan actions and publics are picked from lists grouped in fieldsets, in the plan's order."""

import re

import pytest
from django import forms

from maillage.plan.models import Action, OperationalObjective
from maillage.plan.pickers import ActionsField, PublicsField

pytestmark = pytest.mark.django_db


class PickerForm(forms.Form):
    actions = ActionsField()
    publics = PublicsField()


def test_actions_are_grouped_by_operational_objective_in_the_plan_s_order(loaded_plan):
    html = str(PickerForm()["actions"])

    legends = re.findall(r"<legend>(.*?)</legend>", html)
    objectives = OperationalObjective.objects.filter(actions__is_active=True).distinct()
    expected = sorted(
        objectives, key=lambda o: (o.strategic_objective.position, o.position, o.code)
    )
    assert legends == [str(objective) for objective in expected]


def test_publics_are_grouped_by_category_and_a_chosen_one_stays_checked(loaded_plan):
    form = PickerForm(data={"publics": []})
    action = Action.objects.active().first()
    bound = PickerForm(data={"actions": [action.pk]})

    assert "<legend>Associations</legend>" in str(form["publics"])
    assert bound.is_valid()
    assert list(bound.cleaned_data["actions"]) == [action]
    checked = re.findall(r'<input[^>]*value="(\d+)"[^>]*checked', str(bound["actions"]))
    assert checked == [str(action.pk)]
