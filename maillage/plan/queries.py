"""What the plan's public pages read: only what is in force, in the document's order."""

from collections import defaultdict

from django.db.models import Prefetch

from maillage.plan.enums import TextKind
from maillage.plan.models import (
    Action,
    IdentitySection,
    OperationalObjective,
    PlanText,
    PublicGroup,
    PublicGroupEntry,
    StrategicObjective,
    ValueFamily,
)


def plan_texts() -> dict[str, str]:
    """{"values_intro": …, "vision": …, "purpose": …}, empty strings for missing texts."""
    texts = dict(PlanText.objects.values_list("kind", "body"))
    return {kind: texts.get(kind, "") for kind in TextKind.values}


def value_families():
    return ValueFamily.objects.prefetch_related("items")


def identity_sections():
    return IdentitySection.objects.all()


def project_outline() -> list[StrategicObjective]:
    """Strategic objectives in force, each with `.operational` (each with `.action_tree`) and
    `.groups` (each with `.public_entries`); every action of the tree has `.sub_actions`."""
    objectives = list(
        StrategicObjective.objects.active().prefetch_related(
            Prefetch(
                "operational_objectives",
                queryset=OperationalObjective.objects.active(),
                to_attr="operational",
            ),
            Prefetch(
                "public_groups",
                queryset=PublicGroup.objects.prefetch_related(
                    Prefetch(
                        "entries",
                        queryset=PublicGroupEntry.objects.select_related("public"),
                        to_attr="public_entries",
                    )
                ),
                to_attr="groups",
            ),
        )
    )
    _attach_action_trees(objectives)
    return objectives


def _attach_action_trees(objectives: list[StrategicObjective]) -> None:
    # One query for every action, then the tree is built in memory (any depth).
    actions = list(Action.objects.active())
    children = defaultdict(list)
    for action in actions:
        children[action.parent_id].append(action)
    for action in actions:
        action.sub_actions = children.get(action.pk, [])
    roots = defaultdict(list)
    for action in children[None]:
        roots[action.operational_objective_id].append(action)
    for objective in objectives:
        for operational in objective.operational:
            operational.action_tree = roots[operational.pk]
