"""The hub's themes and qualification criteria of needs, from its folder's `needs.yaml`.

Loading is idempotent: rows are matched by slug and updated in place. A criterion removed from
the file is retired, not deleted: the history of qualified needs names it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from maillage.needs.models import Criterion, Theme

FILE_NAME = "needs.yaml"


def _read(hub_dir: Path) -> dict[str, Any]:
    path = Path(hub_dir) / FILE_NAME
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ImproperlyConfigured(f"Cannot read {path}: {error}") from error
    if not isinstance(data, dict):
        raise ImproperlyConfigured(f"{path}: expected themes and criteria.")
    return data


@transaction.atomic
def load_needs_file(hub_dir: Path) -> tuple[int, int]:
    """Create or update the themes and criteria of `hub_dir/needs.yaml`: (themes, criteria)."""
    data = _read(hub_dir)
    themes, criteria = data.get("themes") or [], data.get("criteria") or []
    try:
        for position, theme in enumerate(themes):
            Theme.objects.update_or_create(
                slug=theme["slug"], defaults={"name": theme["name"], "position": position}
            )
        for position, criterion in enumerate(criteria):
            Criterion.objects.update_or_create(
                slug=criterion["slug"],
                defaults={
                    "name": criterion["name"],
                    "description": str(criterion.get("description", "")).strip(),
                    "required": bool(criterion.get("required", True)),
                    "position": position,
                    "is_active": True,
                },
            )
    except (KeyError, TypeError) as error:
        raise ImproperlyConfigured(f"{FILE_NAME}: invalid or missing {error}") from error
    kept = [criterion["slug"] for criterion in criteria]
    Criterion.objects.exclude(slug__in=kept).update(is_active=False)
    return len(themes), len(criteria)
