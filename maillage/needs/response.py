"""The response being built to a need: what it is, and what carries it (working groups, support
cases, services of the offer, activities). Offers of help come from the organisations."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from maillage.needs.models import Need


@dataclass(frozen=True)
class Response:
    summary: str = ""
    groups: Iterable[Any] = field(default_factory=list)
    cases: Iterable[Any] = field(default_factory=list)
    services: Iterable[Any] = field(default_factory=list)
    activities: Iterable[Any] = field(default_factory=list)


def set_response(need: Need, response: Response) -> Need:
    with transaction.atomic():
        need = Need.objects.select_for_update().get(pk=need.pk)
        need.response_summary = response.summary.strip()
        need.save(update_fields=["response_summary"])
        need.response_groups.set(response.groups)
        need.response_cases.set(response.cases)
        need.response_services.set(response.services)
        need.response_activities.set(response.activities)
    return need
