"""Link any record of the hub's work (activity, support case, working group…) to the plan.

A record says which actions it carries out and which target publics it reaches; the activity
report counts through these links. Records need an integer primary key. A model that inherits
PlanLinked gets `action_links` and `public_links` relations, and its links are deleted with it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Q

from maillage.plan.models import Action, ActionLink, PublicLink, TargetPublic

Records = type[models.Model] | models.QuerySet[Any]


class PlanLinked(models.Model):
    """Abstract base for records linked to the plan: deleting a record deletes its links."""

    action_links = GenericRelation(ActionLink, verbose_name="actions du projet")
    public_links = GenericRelation(PublicLink, verbose_name="publics visés")

    class Meta:
        abstract = True


def _key(record: models.Model) -> dict[str, Any]:
    return {"content_type": ContentType.objects.get_for_model(record), "object_id": record.pk}


def link_actions(record: models.Model, actions: Iterable[Action]) -> None:
    """Link `record` to `actions`, keeping its other links; linking twice is harmless."""
    key = _key(record)
    ActionLink.objects.bulk_create(
        [ActionLink(action=action, **key) for action in actions], ignore_conflicts=True
    )


def link_publics(record: models.Model, publics: Iterable[TargetPublic]) -> None:
    """Link `record` to target `publics`, keeping its other links."""
    key = _key(record)
    PublicLink.objects.bulk_create(
        [PublicLink(public=public, **key) for public in publics], ignore_conflicts=True
    )


def unlink_actions(record: models.Model, actions: Iterable[Action]) -> None:
    ActionLink.objects.filter(action__in=list(actions), **_key(record)).delete()


def unlink_publics(record: models.Model, publics: Iterable[TargetPublic]) -> None:
    PublicLink.objects.filter(public__in=list(publics), **_key(record)).delete()


def set_links(
    record: models.Model, actions: Iterable[Action], publics: Iterable[TargetPublic]
) -> None:
    """Make `record`'s links exactly `actions` and `publics` (as a form with both pickers says)."""
    actions, publics = set(actions), set(publics)
    unlink_actions(record, set(actions_of(record)) - actions)
    unlink_publics(record, set(publics_of(record)) - publics)
    link_actions(record, actions)
    link_publics(record, publics)


def actions_of(record: models.Model) -> models.QuerySet[Action]:
    return Action.objects.filter(pk__in=ActionLink.objects.filter(**_key(record)).values("action"))


def publics_of(record: models.Model) -> models.QuerySet[TargetPublic]:
    return TargetPublic.objects.filter(
        pk__in=PublicLink.objects.filter(**_key(record)).values("public")
    )


def records_for_action(
    action: Action, model: type[models.Model] | None = None
) -> models.QuerySet[Any] | list[models.Model]:
    """The records linked to `action`: a QuerySet of `model`, or a list of records of any type."""
    links = ActionLink.objects.filter(action=action)
    if model is not None:
        content_type = ContentType.objects.get_for_model(model)
        return model._default_manager.filter(
            pk__in=links.filter(content_type=content_type).values("object_id")
        )
    records = [link.record for link in links.select_related("content_type")]
    return [record for record in records if record is not None]


def records_for_public(public: TargetPublic, model: type[models.Model]) -> models.QuerySet[Any]:
    content_type = ContentType.objects.get_for_model(model)
    return model._default_manager.filter(
        pk__in=PublicLink.objects.filter(public=public, content_type=content_type).values(
            "object_id"
        )
    )


def _counted(records: Records, relation: str) -> Q:
    """Links of the given records: a model (all its rows) or a QuerySet (e.g. one year's)."""
    queryset = records if isinstance(records, models.QuerySet) else records._default_manager.all()
    content_type = ContentType.objects.get_for_model(queryset.model)
    # Counting only existing records also ignores links left behind by a deleted record.
    return Q(
        **{
            f"{relation}__content_type": content_type,
            f"{relation}__object_id__in": queryset.values("pk"),
        }
    )


def count_by_action(records: Records) -> models.QuerySet[Action]:
    """Every action, annotated with `record_count`: how many of `records` are linked to it.

    `records` is a model (`Activity`) or a QuerySet of it (`Activity.objects.filter(...)`).
    """
    return Action.objects.select_related("operational_objective").annotate(
        record_count=Count("links", filter=_counted(records, "links"))
    )


def count_by_public(records: Records) -> models.QuerySet[TargetPublic]:
    """Every target public, annotated with `record_count` for `records` (a model or QuerySet)."""
    return TargetPublic.objects.annotate(
        record_count=Count("links", filter=_counted(records, "links"))
    )
