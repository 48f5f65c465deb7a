"""Canonical checksums of every table: the same rows give the same digest, whatever the order
they were written in, so a backup and its restore can be compared table by table."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.apps import apps
from django.db import models


def _canonical(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, Decimal):
        return str(value.normalize())
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    return value


def table_checksum(model: type[models.Model]) -> str:
    columns = [field.attname for field in model._meta.concrete_fields]
    rows = model._base_manager.order_by("pk").values_list(*columns)
    checksum = hashlib.sha256()
    for row in rows.iterator(chunk_size=2000):
        line = json.dumps([_canonical(value) for value in row], sort_keys=True, default=str)
        checksum.update(line.encode() + b"\n")
    return checksum.hexdigest()


def table_checksums() -> dict[str, str]:
    """Each table's checksum, keyed by its name, for every model including many-to-many links."""
    return {
        model._meta.db_table: table_checksum(model)
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }
