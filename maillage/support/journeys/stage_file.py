"""The journey's stages, read from the hub folder's `support.yaml` and loaded idempotently.

```yaml
stages:
  - {slug: accueil, name: Accueil}
  - {slug: clos, name: Clos, final: true}
```
Without the file, the default journey below is loaded. Stages are matched on their slug: a
second load of the same file changes nothing; a stage removed from the file is deactivated
(past cases went through it), never deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import transaction

from maillage.core.french import agreed
from maillage.support.journeys.models import Stage

FILE_NAME = "support.yaml"


@dataclass(frozen=True)
class StageData:
    slug: str
    name: str
    is_final: bool = False


DEFAULT_STAGES = (
    StageData("accueil", "Accueil"),
    StageData("emergence", "Émergence"),
    StageData("structuration", "Structuration"),
    StageData("lancement", "Lancement"),
    StageData("developpement", "Développement"),
    StageData("clos", "Clos", is_final=True),
)


class StageFileError(ValueError):
    """The stages file cannot be read or does not describe a usable journey."""


def _entry(raw: object, position: int) -> StageData:
    if not isinstance(raw, dict):
        raise StageFileError(f"Étape n° {position} : attendu « slug » et « name ».")
    slug, name = str(raw.get("slug", "")).strip(), str(raw.get("name", "")).strip()
    try:
        validate_slug(slug)
    except ValidationError:
        raise StageFileError(f"Étape n° {position} : identifiant « {slug} » invalide.") from None
    if not name:
        raise StageFileError(f"Étape « {slug} » : le nom manque.")
    return StageData(slug, name, bool(raw.get("final", False)))


def read_stages(path: Path) -> list[StageData]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise StageFileError(f"{path.name} illisible : {error}") from None
    raw = data.get("stages") if isinstance(data, dict) else None
    if not isinstance(raw, list) or not raw:
        raise StageFileError(f"{path.name} : la liste « stages » manque ou est vide.")
    stages = [_entry(item, position) for position, item in enumerate(raw, start=1)]
    _check(stages, path.name)
    return stages


def _check(stages: list[StageData], name: str) -> None:
    slugs = [stage.slug for stage in stages]
    twice = sorted({slug for slug in slugs if slugs.count(slug) > 1})
    if twice:
        raise StageFileError(
            f"{name} : {agreed(len(twice), 'identifiant', 'identifiants')} en double : "
            f"{', '.join(twice)}."
        )
    if not any(stage.is_final for stage in stages):
        raise StageFileError(f"{name} : il faut une étape finale (« final: true »).")
    if all(stage.is_final for stage in stages):
        raise StageFileError(f"{name} : il faut au moins une étape qui ne soit pas finale.")


@transaction.atomic
def load_stages(hub_dir: Path) -> int:
    """Make the database hold the hub's stages; return how many were created or changed."""
    path = Path(hub_dir) / FILE_NAME
    stages = read_stages(path) if path.exists() else list(DEFAULT_STAGES)
    changed = 0
    for order, data in enumerate(stages, start=1):
        wanted = {"name": data.name, "order": order, "is_final": data.is_final, "is_active": True}
        stage, created = Stage.objects.get_or_create(slug=data.slug, defaults=wanted)
        if not created and any(getattr(stage, key) != value for key, value in wanted.items()):
            Stage.objects.filter(pk=stage.pk).update(**wanted)
            changed += 1
        changed += created
    gone = Stage.objects.active().exclude(slug__in=[data.slug for data in stages])
    return changed + gone.update(is_active=False)
