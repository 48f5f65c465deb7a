"""Colleges, categories and default dues as the hub's configuration (`colleges.yaml`).

Loading is idempotent: colleges and categories are matched by slug and updated in place, so a
second load after editing the file changes what changed and creates nothing twice.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from maillage.directory.enums import EssFamily
from maillage.network.memberships.enums import MemberKind
from maillage.network.memberships.models import College, DuesRate

FILE_NAME = "colleges.yaml"


def load_colleges(hub_dir: Path) -> int:
    """Create or update the colleges of `hub_dir/colleges.yaml`; return how many it holds.

    A hub without the file has no colleges configured (0)."""
    path = Path(hub_dir) / FILE_NAME
    if not path.exists():
        return 0
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ImproperlyConfigured(f"Cannot read {path}: {error}") from error
    entries = data.get("colleges") or []
    with transaction.atomic():
        for order, entry in enumerate(entries):
            _load_college(path, order, entry)
    return len(entries)


def _load_college(path: Path, order: int, entry: dict[str, Any]) -> None:
    try:
        college, _ = College.objects.update_or_create(
            slug=entry["slug"],
            defaults={
                "name": entry["name"],
                "description": entry.get("description", "").strip(),
                "voting_weight": _amount(entry.get("voting_weight", "1")),
                "member_kind": MemberKind(entry.get("member_kind", MemberKind.ORGANISATION)),
                "families": [EssFamily(family).value for family in entry.get("families", [])],
                "order": order,
            },
        )
        for rate_order, rate in enumerate(entry.get("categories") or []):
            DuesRate.objects.update_or_create(
                college=college,
                slug=rate["slug"],
                defaults={
                    "name": rate["name"],
                    "amount": _amount(rate["dues"]),
                    "order": rate_order,
                },
            )
    except (KeyError, TypeError, ValueError) as error:
        where = entry.get("slug", order + 1) if isinstance(entry, dict) else order + 1
        raise ImproperlyConfigured(
            f"{path}: college {where}: invalid or missing {error}"
        ) from error


def _amount(value: object) -> Decimal:
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"not a number: {value!r}") from None
