"""Form fields to pick the plan's actions and target publics: checkboxes grouped in fieldsets
(actions by operational objective, publics by category), in the plan's order.

Without JavaScript they are plain checkbox lists; `plan/picker.js` adds a search box above each
list that hides the options not matching what is typed.
"""

from __future__ import annotations

from django import forms

from maillage.plan.enums import PublicCategory
from maillage.plan.models import Action, TargetPublic


class GroupedCheckboxes(forms.CheckboxSelectMultiple):
    template_name = "plan/widgets/grouped_checkboxes.html"

    def __init__(self, search_label: str):
        super().__init__()
        self.search_label = search_label

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["search_label"] = self.search_label
        return context


def _grouped_actions() -> list:
    groups: dict = {}
    actions = Action.objects.active().select_related("operational_objective")
    for action in actions.order_by(
        "operational_objective__strategic_objective__position",
        "operational_objective__position",
        "operational_objective__code",
        "position",
        "code",
    ):
        objective = action.operational_objective
        groups.setdefault(str(objective), []).append((action.pk, str(action)))
    return list(groups.items())


def _grouped_publics() -> list:
    groups: dict = {label: [] for label in PublicCategory.labels}
    for public in TargetPublic.objects.active().order_by("name"):
        groups[public.get_category_display()].append((public.pk, public.name))
    return [(label, choices) for label, choices in groups.items() if choices]


class ActionsField(forms.ModelMultipleChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Actions du projet du pôle")
        kwargs.setdefault("required", False)
        widget = GroupedCheckboxes("Filtrer les actions")
        super().__init__(queryset=Action.objects.active(), widget=widget, **kwargs)
        self.choices = _grouped_actions


class PublicsField(forms.ModelMultipleChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Publics visés")
        kwargs.setdefault("required", False)
        widget = GroupedCheckboxes("Filtrer les publics")
        super().__init__(queryset=TargetPublic.objects.active(), widget=widget, **kwargs)
        self.choices = _grouped_publics
