"""The plan as the report and the targets page walk it: strategic objectives in force, their
operational objectives, their actions (sub-actions after their parent, by code)."""

from __future__ import annotations

from django.db.models import Prefetch

from maillage.plan.models import Action, OperationalObjective, StrategicObjective


def plan_outline() -> list[StrategicObjective]:
    """Objectives in force, each with `.operational`, each with `.plan_actions` (3 queries)."""
    return list(
        StrategicObjective.objects.active().prefetch_related(
            Prefetch(
                "operational_objectives",
                queryset=OperationalObjective.objects.active().prefetch_related(
                    Prefetch(
                        "actions",
                        queryset=Action.objects.active(),
                        to_attr="plan_actions",
                    )
                ),
                to_attr="operational",
            )
        )
    )
