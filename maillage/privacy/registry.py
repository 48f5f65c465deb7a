"""The one list of every personal field on the platform, and of every row tied to a person.

Each app declares, next to its models (in its `privacy.py`, found by `discover_declarations`),
which rows are tied to a person, how to find them (an e-mail lookup, an address book person's
row), which fields go into the person's export, why they are held, for how long and which job
applies that retention, and what erasure does to them. Export,
erasure and retention read this list and nothing else, so a row missing here is a row they would
miss: `tests/privacy` fails on any model field that looks personal, and on any model pointing to
a person or an account, that is neither declared nor exempted with a reason.

Two kinds of entry:
- `register`: rows holding personal fields (a name, an e-mail, notes). They are exported, and
  erasure replaces those fields in place.
- `register_linked_rows`: rows that belong to a person's record without holding much personal
  themselves (a membership, a vote, a place in a working group). They are exported too, and
  erasure keeps them as they are (they then point to an anonymised person, so counts stay true),
  anonymises a few fields, or deletes them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from importlib import import_module
from typing import Any

from django.apps import apps
from django.db import models
from django.utils.module_loading import module_has_submodule

# The `applied_by` of a retention lasting as long as another record the hub keeps (an account, a
# directory entry, a working group): no periodic job, it ends when that record is deleted or its
# person erased. A retention with a duration names the management command that applies it.
WITH_THE_RECORD = "with-the-record"


class LegalBasis(StrEnum):
    """Why the hub may hold the data (article 6 of the GDPR), as the legal notice says it."""

    CONSENT = "Consentement de la personne"
    CONTRACT = "Exécution d’un contrat ou de mesures précontractuelles"
    LEGAL_OBLIGATION = "Obligation légale"
    LEGITIMATE_INTEREST = "Intérêt légitime du pôle"


# Who receives the data when nothing else is said: the hub's own staff.
HUB_STAFF = "L’équipe du pôle (salariés et bénévoles habilités)"


class OnErasure(StrEnum):
    # The declared personal fields are replaced; the row stays.
    ANONYMISE = "anonymise"
    # The row stays untouched: once the person's own record is anonymised it names no one.
    KEEP = "keep"
    # The row goes.
    DELETE = "delete"


@dataclass(frozen=True)
class PersonalData:
    model_label: str  # "app_label.ModelName"
    # Fields replaced on erasure (when `on_erasure` is ANONYMISE).
    fields: tuple[str, ...]
    # Lookup path from this model to the person's e-mail address ("email", "person__email").
    email_lookup: str | None
    purpose: str  # in French: shown in the export and the legal notice
    retention: str  # in French
    legal_basis: LegalBasis
    # Value each field takes on erasure; a field not listed becomes "" (or None if nullable).
    # A value may be a callable of the row. It may also name other fields to set on erasure
    # (an account is deactivated).
    replacements: dict[str, Any] = field(default_factory=dict)
    # For rows an e-mail lookup cannot reach (a history of values): email -> queryset.
    matcher: Callable[[str], models.QuerySet[Any]] | None = None
    # Lookup from this model to the primary key of an address book person ("pk" on the person
    # itself, "person" on a row pointing to one): reaches rows of a person without e-mail.
    person_lookup: str | None = None
    # Fields in the export, when they are not just `fields` (a membership's year and college).
    exported: tuple[str, ...] = ()
    on_erasure: OnErasure = OnErasure.ANONYMISE
    # The periodic job applying the retention (a job of a `jobs.py` and the management command
    # of the same name, both listed in the README), or WITH_THE_RECORD.
    applied_by: str = WITH_THE_RECORD
    # For rows that may hold a person's name without any link to them (a search typed into the
    # directory): name -> queryset, given each name the person is known by.
    name_matcher: Callable[[str], models.QuerySet[Any]] | None = None
    # Who receives the data, in French, when more than the hub's staff (partners, the public).
    recipients: str = HUB_STAFF
    # A further sentence for the legal notice, in French (how a value is protected).
    notice: str = ""

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.model_label)

    @property
    def export_fields(self) -> tuple[str, ...]:
        return self.exported or self.fields

    def rows_of(self, email: str) -> models.QuerySet[Any]:
        if self.matcher is not None:
            return self.matcher(email)
        if self.email_lookup is None:
            return self.model._default_manager.none()
        return self.model._default_manager.filter(**{f"{self.email_lookup}__iexact": email})

    def rows_named(self, name: str) -> models.QuerySet[Any]:
        if self.name_matcher is None:
            return self.model._default_manager.none()
        return self.name_matcher(name)

    def rows_of_person(self, person_pk: int) -> models.QuerySet[Any]:
        if self.person_lookup is None:
            return self.model._default_manager.none()
        return self.model._default_manager.filter(**{self.person_lookup: person_pk})


_REGISTRY: dict[str, PersonalData] = {}


def _add(entry: PersonalData) -> None:
    if entry.model_label in _REGISTRY:
        raise ValueError(f"{entry.model_label} is already declared in the personal-data registry.")
    if entry.email_lookup is None and entry.matcher is None and entry.person_lookup is None:
        raise ValueError(f"{entry.model_label}: say how to find a person's rows.")
    _REGISTRY[entry.model_label] = entry


def register(
    model_label: str,
    *,
    fields: tuple[str, ...],
    email_lookup: str,
    purpose: str,
    retention: str,
    applied_by: str,
    legal_basis: LegalBasis,
    recipients: str = HUB_STAFF,
    notice: str = "",
    replacements: dict[str, Any] | None = None,
    matcher: Callable[[str], models.QuerySet[Any]] | None = None,
    person_lookup: str | None = None,
) -> None:
    """Rows holding personal fields: exported, and anonymised in place on erasure."""
    _add(
        PersonalData(
            model_label,
            fields,
            email_lookup,
            purpose,
            retention,
            legal_basis,
            replacements or {},
            matcher,
            person_lookup,
            applied_by=applied_by,
            recipients=recipients,
            notice=notice,
        )
    )


def register_linked_rows(
    model_label: str,
    *,
    exported: tuple[str, ...],
    on_erasure: OnErasure,
    purpose: str,
    retention: str,
    applied_by: str,
    legal_basis: LegalBasis,
    recipients: str = HUB_STAFF,
    notice: str = "",
    person_lookup: str | None = None,
    email_lookup: str | None = None,
    matcher: Callable[[str], models.QuerySet[Any]] | None = None,
    name_matcher: Callable[[str], models.QuerySet[Any]] | None = None,
    erased: tuple[str, ...] = (),
    replacements: dict[str, Any] | None = None,
) -> None:
    """Rows that are part of a person's record (a membership, a vote): `exported` go into the
    person's export; on erasure the rows are kept, deleted, or their `erased` fields replaced."""
    if (on_erasure == OnErasure.ANONYMISE) != bool(erased):
        raise ValueError(f"{model_label}: name the erased fields exactly when anonymising.")
    _add(
        PersonalData(
            model_label,
            erased,
            email_lookup,
            purpose,
            retention,
            legal_basis,
            replacements or {},
            matcher,
            person_lookup,
            exported,
            on_erasure,
            applied_by,
            name_matcher,
            recipients,
            notice,
        )
    )


# Fields that look personal by their name but are not, each with the reason.
_NOT_PERSONAL: dict[tuple[str, str], str] = {}


def declare_not_personal(model_label: str, fields: tuple[str, ...], reason: str) -> None:
    for name in fields:
        _NOT_PERSONAL[(model_label, name)] = reason


# Models pointing to a person or an account that are deliberately left out, with the reason.
_EXEMPT: dict[str, str] = {}


def declare_exempt(model_label: str, reason: str) -> None:
    """A model pointing to a person or an account whose rows are not part of their record
    (the trace of a staff member's work on someone else's record), with the reason."""
    if model_label in _EXEMPT:
        raise ValueError(f"{model_label} is already exempted from the personal-data registry.")
    _EXEMPT[model_label] = reason


def is_declared(model_label: str, field_name: str) -> bool:
    entry = _REGISTRY.get(model_label)
    return (entry is not None and field_name in entry.fields) or (
        (model_label, field_name) in _NOT_PERSONAL
    )


def declared() -> Iterator[PersonalData]:
    yield from _REGISTRY.values()


def declaration_for(model_label: str) -> PersonalData:
    """The declaration of a model its app declared (a retention job works only on those)."""
    try:
        return _REGISTRY[model_label]
    except KeyError:
        raise LookupError(f"{model_label} declares no personal data.") from None


def exemptions() -> dict[str, str]:
    return dict(_EXEMPT)


def discover_declarations() -> None:
    """Call `declare_personal_data()` of every installed app that has a `privacy` module."""
    for config in apps.get_app_configs():
        if config.name != __package__ and module_has_submodule(config.module, "privacy"):
            import_module(f"{config.name}.privacy").declare_personal_data()
