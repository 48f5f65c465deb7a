"""Make the database hold the plan of a hub's `plan.yaml`.

The whole file is read and checked first (plan_file.py), then written in one transaction, so a
malformed file changes nothing. Loading is an upsert keyed on codes and slugs: a second load of
the same file creates and changes nothing.

Entries removed from the file:
- objectives, actions and target publics are *deactivated* (hidden from the pages): records of
  the hub's work may link to them, and past activity reports must still count through them;
- value families and items, public groups, texts and identity sections are *deleted*: nothing
  points at them.
The file is the reference: a load overwrites edits made in the admin to the entries it holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from django.db import models, transaction

from maillage.core.french import plural
from maillage.plan.enums import TextKind
from maillage.plan.models import (
    Action,
    IdentitySection,
    OperationalObjective,
    PlanText,
    PublicGroup,
    PublicGroupEntry,
    StrategicObjective,
    TargetPublic,
    ValueFamily,
    ValueItem,
)
from maillage.plan.plan_file import (
    PlanData,
    PlanFileError,
    StrategicData,
    read_plan,
)

__all__ = ["LoadReport", "PlanFileError", "load_plan"]

_M = TypeVar("_M", bound=models.Model)


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deactivated: int = 0
    deleted: int = 0

    def __str__(self) -> str:
        return (
            f"Projet chargé : {plural(self.created, 'créé', 'créés')}, "
            f"{plural(self.updated, 'modifié', 'modifiés')}, "
            f"{plural(self.unchanged, 'inchangé', 'inchangés')}, "
            f"{plural(self.deactivated, 'désactivé', 'désactivés')}, "
            f"{plural(self.deleted, 'supprimé', 'supprimés')}."
        )


def load_plan(path: Path) -> LoadReport:
    """Load the plan file at `path`; raise PlanFileError, writing nothing, if it is malformed."""
    plan = read_plan(path)
    with transaction.atomic():
        return _PlanWriter().write(plan)


class _PlanWriter:
    def __init__(self) -> None:
        self.report = LoadReport()

    def write(self, plan: PlanData) -> LoadReport:
        self._texts(plan)
        self._values(plan)
        publics = self._publics(plan)
        for position, objective in enumerate(plan.objectives, start=1):
            self._strategic(objective, position, publics)
        self._deactivate_missing(plan)
        self._identity(plan)
        return self.report

    def _upsert(self, model: type[_M], lookup: dict[str, Any], values: dict[str, Any]) -> _M:
        instance = model._default_manager.filter(**lookup).first()
        if instance is None:
            self.report.created += 1
            return model._default_manager.create(**lookup, **values)
        changed = [name for name, value in values.items() if getattr(instance, name) != value]
        if changed:
            for name in changed:
                setattr(instance, name, values[name])
            instance.save(update_fields=changed)
            self.report.updated += 1
        else:
            self.report.unchanged += 1
        return instance

    def _delete(self, queryset: models.QuerySet[Any]) -> None:
        self.report.deleted += queryset.delete()[0]

    def _texts(self, plan: PlanData) -> None:
        texts = {
            TextKind.VALUES_INTRO: plan.values_intro,
            TextKind.VISION: plan.vision,
            TextKind.PURPOSE: plan.purpose,
        }
        for kind, body in texts.items():
            if body:
                self._upsert(PlanText, {"kind": kind}, {"body": body})
        self._delete(PlanText.objects.exclude(kind__in=[k for k, body in texts.items() if body]))

    def _values(self, plan: PlanData) -> None:
        for position, data in enumerate(plan.families, start=1):
            family = self._upsert(
                ValueFamily, {"slug": data.slug}, {"title": data.title, "position": position}
            )
            for item_position, text in enumerate(data.items, start=1):
                self._upsert(
                    ValueItem, {"family": family, "position": item_position}, {"text": text}
                )
            self._delete(family.items.filter(position__gt=len(data.items)))
        self._delete(ValueFamily.objects.exclude(slug__in=[f.slug for f in plan.families]))

    def _publics(self, plan: PlanData) -> dict[str, TargetPublic]:
        return {
            data.slug: self._upsert(
                TargetPublic,
                {"slug": data.slug},
                {"name": data.name, "category": data.category, "is_active": True},
            )
            for data in plan.publics
        }

    def _strategic(
        self, data: StrategicData, position: int, publics: dict[str, TargetPublic]
    ) -> None:
        objective = self._upsert(
            StrategicObjective,
            {"code": data.code},
            {
                "title": data.title,
                "short_title": data.short_title,
                "position": position,
                "is_active": True,
            },
        )
        for op_position, op in enumerate(data.operational, start=1):
            self._upsert(
                OperationalObjective,
                {"code": op.code},
                {
                    "strategic_objective_id": objective.pk,
                    "title": op.title,
                    "position": op_position,
                    "is_active": True,
                },
            )
        self._actions(data)
        self._groups(objective, data, publics)

    def _actions(self, data: StrategicData) -> None:
        operational_ids = dict(
            OperationalObjective.objects.filter(strategic_objective__code=data.code).values_list(
                "code", "pk"
            )
        )
        action_ids: dict[str, int] = {}
        positions: dict[str | None, int] = {}
        for operational, parent, action in data.walk_actions():
            parent_key = parent.code if parent else operational.code
            positions[parent_key] = positions.get(parent_key, 0) + 1
            saved = self._upsert(
                Action,
                {"code": action.code},
                {
                    "operational_objective_id": operational_ids[operational.code],
                    "parent_id": action_ids[parent.code] if parent else None,
                    "title": action.title,
                    "position": positions[parent_key],
                    "is_active": True,
                },
            )
            action_ids[action.code] = saved.pk

    def _groups(
        self, objective: StrategicObjective, data: StrategicData, publics: dict[str, TargetPublic]
    ) -> None:
        for position, group_data in enumerate(data.groups, start=1):
            group = self._upsert(
                PublicGroup,
                {"strategic_objective": objective, "position": position},
                {
                    "label": group_data.label,
                    "scope": group_data.scope,
                    "scope_label": group_data.scope_label,
                },
            )
            for entry_position, entry in enumerate(group_data.entries, start=1):
                self._upsert(
                    PublicGroupEntry,
                    {"group": group, "position": entry_position},
                    {"public_id": publics[entry.public].pk, "wording": entry.wording},
                )
            self._delete(group.entries.filter(position__gt=len(group_data.entries)))
        self._delete(objective.public_groups.filter(position__gt=len(data.groups)))

    def _deactivate_missing(self, plan: PlanData) -> None:
        strategic = [objective.code for objective in plan.objectives]
        operational = [op.code for objective in plan.objectives for op in objective.operational]
        actions = [action.code for _, _, action in plan.all_actions()]
        for model, codes in (
            (StrategicObjective, strategic),
            (OperationalObjective, operational),
            (Action, actions),
        ):
            missing = model.objects.active().exclude(code__in=codes)
            self.report.deactivated += missing.update(is_active=False)
        missing_publics = TargetPublic.objects.active().exclude(
            slug__in=[public.slug for public in plan.publics]
        )
        self.report.deactivated += missing_publics.update(is_active=False)

    def _identity(self, plan: PlanData) -> None:
        for position, section in enumerate(plan.identity, start=1):
            self._upsert(
                IdentitySection,
                {"slug": section.slug},
                {"title": section.title, "body": section.body, "position": position},
            )
        self._delete(IdentitySection.objects.exclude(slug__in=[s.slug for s in plan.identity]))
