"""The one list of every personal field on the platform.

Each app declares, next to its models (in its `AppConfig.ready`), which fields of which model
hold personal data, why, for how long, and how a row is tied to a person (an e-mail field).
Export, erasure and retention read this list and nothing else, so a field missing here is a
field they would miss: `tests/privacy` fails on any model field that looks personal and is not
declared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import models


@dataclass(frozen=True)
class PersonalData:
    model_label: str  # "app_label.ModelName"
    fields: tuple[str, ...]
    # Lookup path from this model to the person's e-mail address ("email", "person__email").
    email_lookup: str
    purpose: str  # in French: shown in the export and the legal notice
    retention: str  # in French
    # Value each field takes on erasure; a field not listed becomes "" (or None if nullable).
    # It may also name other fields to set on erasure (an account is deactivated).
    replacements: dict[str, Any] = field(default_factory=dict)
    # For rows an e-mail lookup cannot reach (a history of values): email -> queryset.
    matcher: Callable[[str], models.QuerySet] | None = None
    # Lookup from this model to the primary key of an address book person ("pk" on the person
    # itself, "person" on a row pointing to one): reaches rows of a person without e-mail.
    person_lookup: str | None = None

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.model_label)

    def rows_of(self, email: str) -> models.QuerySet:
        if self.matcher is not None:
            return self.matcher(email)
        return self.model._default_manager.filter(**{f"{self.email_lookup}__iexact": email})

    def rows_of_person(self, person_pk: int) -> models.QuerySet:
        if self.person_lookup is None:
            return self.model._default_manager.none()
        return self.model._default_manager.filter(**{self.person_lookup: person_pk})


_REGISTRY: dict[str, PersonalData] = {}


def register(
    model_label: str,
    *,
    fields: tuple[str, ...],
    email_lookup: str,
    purpose: str,
    retention: str,
    replacements: dict[str, Any] | None = None,
    matcher: Callable[[str], models.QuerySet] | None = None,
    person_lookup: str | None = None,
) -> None:
    if model_label in _REGISTRY:
        raise ValueError(f"{model_label} is already declared in the personal-data registry.")
    _REGISTRY[model_label] = PersonalData(
        model_label,
        fields,
        email_lookup,
        purpose,
        retention,
        replacements or {},
        matcher,
        person_lookup,
    )


# Fields that look personal by their name but are not, each with the reason.
_NOT_PERSONAL: dict[tuple[str, str], str] = {}


def declare_not_personal(model_label: str, fields: tuple[str, ...], reason: str) -> None:
    for name in fields:
        _NOT_PERSONAL[(model_label, name)] = reason


def is_declared(model_label: str, field_name: str) -> bool:
    entry = _REGISTRY.get(model_label)
    return (entry is not None and field_name in entry.fields) or (
        (model_label, field_name) in _NOT_PERSONAL
    )


def declared() -> Iterator[PersonalData]:
    yield from _REGISTRY.values()


def declaration_for(model_label: str) -> PersonalData | None:
    return _REGISTRY.get(model_label)
