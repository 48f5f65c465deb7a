import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.urls import reverse

from maillage.plan import links
from maillage.plan.admin import ActionLinkInline, PublicLinkInline
from maillage.plan.models import (
    Action,
    OperationalObjective,
    PublicGroup,
    StrategicObjective,
    ValueFamily,
)


@pytest.mark.parametrize(
    "model", [StrategicObjective, OperationalObjective, Action, ValueFamily, PublicGroup]
)
def test_staff_edit_the_plan_in_the_admin(loaded_plan, staff, client_for, model):
    client = client_for(staff)
    changelist = reverse(f"admin:plan_{model._meta.model_name}_changelist")
    assert client.get(changelist).status_code == 200
    change = reverse(f"admin:plan_{model._meta.model_name}_change", args=[model.objects.first().pk])
    response = client.get(change)
    assert response.status_code == 200
    assert "INVALID_TEMPLATE_VARIABLE" not in response.content.decode()


def test_staff_change_an_action_title_through_its_operational_objective(
    loaded_plan, staff, client_for
):
    operational = OperationalObjective.objects.get(code="4a")
    url = reverse("admin:plan_operationalobjective_change", args=[operational.pk])
    data = {
        "strategic_objective": operational.strategic_objective_id,
        "code": "4a",
        "title": operational.title,
        "position": 1,
        "is_active": "on",
        "actions-TOTAL_FORMS": "1",
        "actions-INITIAL_FORMS": "0",
        "actions-0-code": "4a.1",
        "actions-0-position": "1",
        "actions-0-title": "Déposer un dossier de financement",
        "actions-0-is_active": "on",
    }
    response = client_for(staff).post(url, data)
    assert response.status_code == 302
    assert Action.objects.get(code="4a.1").operational_objective == operational


def test_admin_names_are_french(loaded_plan, staff, client_for):
    html = client_for(staff).get(reverse("admin:app_list", args=["plan"])).content.decode()
    assert "Objectifs stratégiques" in html
    assert "Familles de valeurs" in html


def test_link_inlines_show_a_record_s_actions_and_publics(loaded_plan, staff):
    group = Group.objects.create(name="Atelier")
    links.link_actions(group, [Action.objects.get(code="2c.1.1")])
    request = RequestFactory().get("/")
    request.user = staff
    for inline_class, expected in ((ActionLinkInline, 1), (PublicLinkInline, 0)):
        inline = inline_class(Group, admin.site)
        formset = inline.get_formset(request, group)(instance=group)
        assert formset.initial_form_count() == expected
