"""Migration steps that fill the demonstration registry (core/demo.py) with the rows a database
loaded before it holds: those an `is_demo` column marked, before the column goes (and back if
the migration is reversed), and those recognisable by what the demo wrote in them."""

from collections.abc import Callable
from typing import Any

from django.apps.registry import Apps
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.utils import timezone

Step = Callable[..., None]


def _content_type(apps: Apps, app_label: str, model_name: str) -> Any:
    content_types = apps.get_model("contenttypes", "ContentType")
    return content_types.objects.get_or_create(app_label=app_label, model=model_name.lower())[0]


def register_rows(app_label: str, model_name: str, renewed: bool, **lookups: Any) -> Step:
    """A forwards step registering the rows of the model that match `lookups`."""

    def forwards(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        model = apps.get_model(app_label, model_name)
        ids = list(model.objects.filter(**lookups).values_list("pk", flat=True).distinct())
        if not ids:
            return
        content_type = _content_type(apps, app_label, model_name)
        rows = apps.get_model("core", "DemoRow")
        loaded_on = timezone.localdate()
        rows.objects.bulk_create(
            [
                rows(content_type=content_type, object_id=pk, loaded_on=loaded_on, renewed=renewed)
                for pk in ids
            ],
            batch_size=2000,
            ignore_conflicts=True,
        )

    return forwards


def column_to_registry(app_label: str, model_name: str, renewed: bool) -> tuple[Step, Step]:
    """(forwards, backwards) for `migrations.RunPython` before removing `is_demo`."""

    def backwards(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        content_type = _content_type(apps, app_label, model_name)
        ids = apps.get_model("core", "DemoRow").objects.filter(content_type=content_type)
        model = apps.get_model(app_label, model_name)
        model.objects.filter(pk__in=ids.values("object_id")).update(is_demo=True)

    return register_rows(app_label, model_name, renewed, is_demo=True), backwards
