"""A need recorded by the staff (from an organisation, an elected official, a workshop, a
working group, a signal) or by a signed-in person; and its description edited afterwards."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from maillage.core.form_tokens import once
from maillage.needs import lifecycle
from maillage.needs.enums import ExpressedBy, Visibility
from maillage.needs.models import Need, Theme
from maillage.plan.links import set_links
from maillage.plan.models import Action, TargetPublic
from maillage.territory.models import Commune


@dataclass(frozen=True)
class Description:
    """What a need says: the same for a new need and an edited one."""

    title: str
    description: str
    expressed_by: ExpressedBy = ExpressedBy.INHABITANT
    visibility: Visibility = Visibility.PUBLIC
    source_detail: str = ""
    organisation: Any = None  # directory.LegalUnit
    working_group: Any = None  # working_groups.WorkingGroup
    communes: Iterable[Commune] = field(default_factory=list)
    themes: Iterable[Theme] = field(default_factory=list)
    actions: Iterable[Action] = field(default_factory=list)
    publics: Iterable[TargetPublic] = field(default_factory=list)


def _apply(need: Need, described: Description) -> None:
    need.title = described.title.strip()
    need.description = described.description.strip()
    need.expressed_by = described.expressed_by
    need.visibility = described.visibility
    need.source_detail = described.source_detail.strip()
    need.organisation = described.organisation
    need.working_group = described.working_group


def _relate(need: Need, described: Description) -> None:
    need.communes.set(described.communes)
    need.themes.set(described.themes)
    set_links(need, described.actions, described.publics)


def record(described: Description, token: uuid.UUID, by: Any, label: str = "") -> tuple[Need, bool]:
    """Create a confirmed need (once per form), its first line of history saying who."""

    def create() -> Need:
        need = Need(submitted_by=by, confirmed_at=timezone.now(), submission_token=token)
        _apply(need, described)
        need.save()
        _relate(need, described)
        lifecycle.record_submission(need, by=by, label=label)
        return need

    with transaction.atomic():
        return once(Need, token, create)


def edit(need: Need, described: Description) -> Need:
    with transaction.atomic():
        need = Need.objects.select_for_update().get(pk=need.pk)
        _apply(need, described)
        need.save()
        _relate(need, described)
    return need
