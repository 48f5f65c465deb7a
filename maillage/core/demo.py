"""Demonstration rows, told from real ones by a registry (`DemoRow`: content type and id) rather
than by a column in every app's tables (docs/adr/0011-demo-rows-registry.md).

Each app's demo module marks what it creates through `mark`; pages ask `is_demo(obj)` (in
templates: the `demo` library's `is_demo` tag) or `has_demo(Model)`, an indexed lookup however
big the table. `renew` makes a demo loaded on an earlier day live on today: the rows marked
`renewed` (those whose dates must follow the day of loading) are removed, and the apps' loaders
create them again, dated from today.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.deletion import ProtectedError, RestrictedError
from django.utils import timezone

from maillage.core.models import DemoRow

BATCH = 2000
M = TypeVar("M", bound=models.Model)


def today() -> date:
    """The demonstration's « today »: the day it is loaded, so that its dates never age."""
    return timezone.localdate()


def mark(*objects: models.Model, renewed: bool = False) -> None:
    """Register saved `objects` as demonstration rows (again: no effect)."""
    mark_ids(objects, renewed=renewed)


def mark_ids(objects: Iterable[models.Model], renewed: bool = False) -> None:
    rows = [
        DemoRow(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            loaded_on=today(),
            renewed=renewed,
        )
        for obj in objects
    ]
    DemoRow.objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=True)


def demo_ids(model: type[models.Model]) -> models.QuerySet[DemoRow, Any]:
    """The ids of `model`'s demonstration rows, as a subquery."""
    content_type = ContentType.objects.get_for_model(model)
    return DemoRow.objects.filter(content_type=content_type).values("object_id")


def only_demo(queryset: models.QuerySet[M]) -> models.QuerySet[M]:
    return queryset.filter(pk__in=demo_ids(queryset.model))


def is_demo(obj: models.Model) -> bool:
    return demo_ids(type(obj)).filter(object_id=obj.pk).exists()


def has_demo(model: type[models.Model]) -> bool:
    """Whether any row of `model` is fictitious: the unique index's first column answers, the
    model's own table is not read."""
    return demo_ids(model).exists()


def any_loaded() -> bool:
    """Whether this instance holds any demonstration row: the whole site then says so."""
    return DemoRow.objects.exists()


def _stale(day: date) -> dict[int, list[int]]:
    """Ids of renewed rows loaded before `day`, by content type, the last created kind first
    (what was built on others goes before them)."""
    stale: dict[int, list[int]] = {}
    rows = DemoRow.objects.filter(renewed=True, loaded_on__lt=day).order_by("-pk")
    for content_type_id, object_id in rows.values_list("content_type_id", "object_id"):
        stale.setdefault(content_type_id, []).append(object_id)
    return stale


def _hangs_on(row: models.Model, model: type[models.Model], ids: set[int]) -> bool:
    """Whether `row` goes with one of `model`'s rows `ids` (a cascading key to it)."""
    return any(
        field.many_to_one
        and field.related_model is model
        and getattr(field.remote_field, "on_delete", None) is models.CASCADE
        and getattr(row, field.attname) in ids
        for field in row._meta.concrete_fields
    )


def _remove(model: type[models.Model], ids: list[int]) -> None:
    """Delete the rows and what hangs on them. Django refuses when a row hanging on them
    protects another (a vote protects its proposal's option): those go first."""
    wanted = set(ids)
    while True:
        try:
            model._default_manager.filter(pk__in=ids).delete()
            return
        except ProtectedError as error:
            blocking = error.protected_objects
            if not all(_hangs_on(row, model, wanted) for row in blocking):
                raise  # real data stands on a demo row: leave it
            for row in blocking:
                row.delete()


@transaction.atomic
def renew(day: date | None = None) -> int:
    """Remove the renewed demonstration rows loaded before `day` (today), with what hangs on
    them, so that the demo's loaders create them again dated from `day`; return how many kinds
    of rows were removed. A row that real data protects stays as it is."""
    removed = 0
    for content_type_id, ids in _stale(day or today()).items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        try:
            with transaction.atomic():
                if model is not None:
                    _remove(model, ids)
                DemoRow.objects.filter(content_type_id=content_type_id, object_id__in=ids).delete()
        except (ProtectedError, RestrictedError):
            continue
        removed += 1
    return removed
