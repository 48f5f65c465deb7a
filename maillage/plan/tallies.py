"""Count records through the plan links, in the database, with a fixed number of queries.

`tally` gives an indicator's `Figures`: one aggregate query for the whole scope, one per level
of the plan (actions, operational objectives, strategic objectives: each objective a correlated
subquery, so a record linked to two of its actions counts once), one per commune. The number of
queries depends on the plan and the breakdown, never on the number of records.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from decimal import Decimal
from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, OuterRef, Subquery, Value

from maillage.plan.indicators import Figures, Number, Scope, Values
from maillage.plan.models import Action, ActionLink, OperationalObjective, StrategicObjective

K = TypeVar("K")

# The link from a level's row to the action a record is linked to.
LEVELS: dict[str, tuple[type[models.Model], str]] = {
    "by_action": (Action, "action"),
    "by_operational": (OperationalObjective, "action__operational_objective"),
    "by_strategic": (StrategicObjective, "action__operational_objective__strategic_objective"),
}


def number(value: Any) -> Number:
    """An aggregate as a figure: durations in hours (one decimal), amounts as floats."""
    if value is None:
        return 0
    if isinstance(value, timedelta):
        return round(value.total_seconds() / 3600, 1)
    if isinstance(value, Decimal | float):
        return round(float(value), 2)
    return int(value)


def tally(
    records: models.QuerySet[Any],
    values: Mapping[str, models.Aggregate],
    scope: Scope,
    *,
    through: str = "",
    commune: str | None = None,
    per_action: bool = True,
) -> Figures:
    """The `values` (breakdown key -> aggregate) of `records`, overall, per level and commune.

    `records` are already limited to the scope's period. They are linked to the plan
    themselves, or through the foreign key `through` (a registration through its activity).
    `commune` is the path to the records' commune, if they have one. Records the plan does
    not link (memberships) are counted with `per_action=False`: overall and per commune only.
    """
    linked = records.model if not through else records.model._meta.get_field(through).related_model
    assert isinstance(linked, type)
    assert issubclass(linked, models.Model)
    links = ActionLink.objects.filter(content_type=ContentType.objects.get_for_model(linked))
    key = f"{through}__in" if through else "pk__in"
    if scope.actions is not None:
        records = records.filter(
            **{key: links.filter(action__in=scope.actions).values("object_id")}
        )
    records = records.order_by()
    aliases = {f"v{index}": name for index, name in enumerate(values)}
    aggregates = dict(zip(aliases, values.values(), strict=True))

    figures = Figures(total=_values(records.aggregate(**aggregates), aliases))
    for level, (model, lookup) in LEVELS.items() if per_action else ():
        linked_here = links.filter(**{lookup: OuterRef(OuterRef("pk"))}).values("object_id")
        rows = records.filter(**{key: linked_here}).annotate(_one=Value(1)).values("_one")
        subqueries = {
            alias: Subquery(rows.annotate(value=aggregate).values("value"))
            for alias, aggregate in aggregates.items()
        }
        groups = model._default_manager.order_by().annotate(**subqueries).values("pk", *aliases)
        setattr(figures, level, _kept({row["pk"]: _values(row, aliases) for row in groups}))
    if commune:
        per_commune = (
            records.filter(**{f"{commune}__isnull": False})
            .values(_code=F(f"{commune}__code"), _name=F(f"{commune}__name"))
            .annotate(**aggregates)
        )
        for row in per_commune:
            figures.by_commune[row["_code"]] = _values(row, aliases)
            figures.commune_names[row["_code"]] = row["_name"]
        figures.by_commune = _kept(figures.by_commune)
    return figures


def _values(row: dict[str, Any], aliases: dict[str, str]) -> Values:
    return {name: number(row[alias]) for alias, name in aliases.items()}


def _kept(groups: dict[K, Values]) -> dict[K, Values]:
    """Groups with something counted: a missing group reads as zero."""
    return {key: values for key, values in groups.items() if any(values.values())}
