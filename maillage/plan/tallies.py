"""Count records through the plan links, in the database, with a fixed number of queries.

`tally` gives an indicator's `Figures`: one aggregate query for the whole scope, one grouped
query per level of the plan (actions, operational objectives, strategic objectives: the records
joined to their links, GROUP BY the plan row; a record linked to two actions of one objective
counts once for it), one grouped query per commune. The number of queries is fixed: it depends
neither on the records nor on the plan's actions.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from decimal import Decimal
from typing import Any, TypeVar

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, F, OuterRef

from maillage.plan.indicators import Figures, Number, Scope, Values
from maillage.plan.models import ActionLink

K = TypeVar("K")

# From a record's link to the plan row it counts for, at each level of the plan.
LEVELS: dict[str, str] = {
    "by_action": "action",
    "by_operational": "action__operational_objective",
    "by_strategic": "action__operational_objective__strategic_objective",
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
    if per_action:
        relation = _action_relation(linked)
        path = f"{through}__{relation}" if through else relation
        for level, lookup in LEVELS.items():
            setattr(
                figures,
                level,
                _per_level(records, aggregates, aliases, links, path, lookup),
            )
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


def _action_relation(linked: type[models.Model]) -> str:
    """The name of `linked`'s generic relation to its action links (`PlanLinked.action_links`)."""
    for field in linked._meta.get_fields():
        if isinstance(field, GenericRelation) and field.related_model is ActionLink:
            return field.name
    raise TypeError(f"{linked.__name__} is not linked to the plan (see plan.links.PlanLinked).")


def _per_level(
    records: models.QuerySet[Any],
    aggregates: dict[str, models.Aggregate],
    aliases: dict[str, str],
    links: models.QuerySet[ActionLink],
    path: str,
    lookup: str,
) -> dict[int, Values]:
    """One grouped query: `records` joined to their links, grouped by the plan row of `lookup`.

    A link row is unique per record and action, so each record counts once per action. For an
    objective, a record's link is joined only if no link of the same record to the same
    objective comes before it (an index search per link): a record linked to two actions of one
    objective is one row of that objective's group, so sums count it once.
    """
    # One join to the links, named by these annotations (an OuterRef to a path would add a join).
    joined = records.annotate(
        _group=F(f"{path}__{lookup}"), _link=F(f"{path}__pk"), _record=F(f"{path}__object_id")
    ).filter(_group__isnull=False)
    if lookup != "action":
        earlier = links.filter(
            object_id=OuterRef("_record"), pk__lt=OuterRef("_link"), **{lookup: OuterRef("_group")}
        )
        joined = joined.filter(~Exists(earlier))
    rows = joined.values("_group").annotate(**aggregates).order_by()
    return _kept({row["_group"]: _values(row, aliases) for row in rows})


def _values(row: dict[str, Any], aliases: dict[str, str]) -> Values:
    return {name: number(row[alias]) for alias, name in aliases.items()}


def _kept(groups: dict[K, Values]) -> dict[K, Values]:
    """Groups with something counted: a missing group reads as zero."""
    return {key: values for key, values in groups.items() if any(values.values())}
