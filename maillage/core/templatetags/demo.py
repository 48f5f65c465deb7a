"""`{% is_demo record as fictive %}`: whether a row shown on the page is demonstration data, so
that the page can mark it « données fictives ». One query per kind of row and request, however
many rows a list shows."""

from typing import Any

from django import template
from django.db.models import Model

from maillage.core import demo

register = template.Library()


@register.simple_tag(takes_context=True)
def is_demo(context: template.Context, record: Model | None) -> bool:
    if record is None:
        return False
    request = context.get("request")
    if request is None:
        return demo.is_demo(record)
    known: dict[Any, set[int]] = request.__dict__.setdefault("_demo_ids", {})
    model = type(record)._meta.concrete_model or type(record)
    if model not in known:
        known[model] = set(demo.demo_ids(model).values_list("object_id", flat=True))
    return record.pk in known[model]
