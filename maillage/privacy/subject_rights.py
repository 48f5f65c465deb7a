"""A person's rights over their data (RGPD articles 15, 17 and 20): export and erasure.

Both walk the registry. The export names each field by its French label. Erasure mostly
anonymises in place rather than deleting rows, so that counts (registrations, votes,
memberships) stay true while nothing points to who the person was; each entry says whether its
rows are anonymised, kept as they are or deleted.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from datetime import date, datetime
from typing import Any, Protocol

from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils import timezone

from maillage.privacy import journal as erasure_journal
from maillage.privacy.registry import OnErasure, PersonalData, declared


class _Account(Protocol):
    @property
    def full_name(self) -> str: ...
    @property
    def email(self) -> str: ...


class AddressBookPerson(Protocol):
    """What the rights need of an address book person (the people app, above, defines it)."""

    @property
    def pk(self) -> Any: ...
    @property
    def first_name(self) -> str: ...
    @property
    def last_name(self) -> str: ...
    @property
    def email(self) -> str: ...
    @property
    def user(self) -> _Account | None: ...


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, models.Model):
        return str(value)
    return value if value is None or isinstance(value, bool | int | float) else str(value)


def _concrete_field(row: models.Model, name: str) -> models.Field[Any, Any]:
    field = row._meta.get_field(name)
    if not isinstance(field, models.Field):  # declarations name a model's own fields only
        raise LookupError(f"{row._meta.label}.{name} is not a field of the model.")
    return field


def _exported(row: models.Model, name: str) -> tuple[str, Any]:
    """The field's French label, and its value as a person reads it (a choice's label)."""
    field = _concrete_field(row, name)
    value = getattr(row, name)
    if field.choices and value not in (None, ""):
        value = dict(field.flatchoices).get(value, value)
    return str(field.verbose_name), _json_value(value)


Found = list[tuple[PersonalData, models.Model]]


def _rows(emails: set[str], person_pk: int | None, names: AbstractSet[str] = frozenset()) -> Found:
    """Every declared row tied to one of these e-mails or to this address book person, or
    holding one of these names where rows are found by name, once."""
    seen: set[tuple[str, object]] = set()
    found: Found = []
    for entry in declared():
        querysets = [entry.rows_of(email) for email in sorted(emails)]
        querysets += [entry.rows_named(name) for name in sorted(names)]
        if person_pk is not None:
            querysets.append(entry.rows_of_person(person_pk))
        for queryset in querysets:
            for row in queryset:
                if (entry.model_label, row.pk) not in seen:
                    seen.add((entry.model_label, row.pk))
                    found.append((entry, row))
    return found


def _export(found: Found, subject: str) -> dict[str, Any]:
    records: dict[str, dict[str, Any]] = {}
    for entry, row in found:
        record = records.setdefault(
            entry.model_label,
            {
                "donnees": str(entry.model._meta.verbose_name_plural),
                "finalite": entry.purpose,
                "duree_de_conservation": entry.retention,
                "enregistrements": [],
            },
        )
        record["enregistrements"].append(dict(_exported(row, name) for name in entry.export_fields))
    return {
        "personne": subject,
        "exporte_le": timezone.now().isoformat(),
        "traitements": list(records.values()),
    }


def export_person(email: str) -> dict[str, Any]:
    """Everything the platform holds on the person with this e-mail, as JSON-ready data."""
    return _export(_rows({email}, None, account_names({email})), email)


def _full_names(names: Iterable[str]) -> set[str]:
    """Names of two words or more: one word alone (« Martin ») would reach other people's rows
    where rows are found by name."""
    return {name.strip() for name in names if len(name.split()) >= 2}


def account_names(emails: set[str]) -> set[str]:
    """The full names of the accounts with these e-mails."""
    accounts = get_user_model()._default_manager.filter(email__in=emails)
    return _full_names(accounts.values_list("full_name", flat=True))


def person_names(person: AddressBookPerson) -> set[str]:
    """The names an address book person is known by: « Prénom Nom », « Nom Prénom », and
    their account's name."""
    first, last = person.first_name.strip(), person.last_name.strip()
    names = {f"{first} {last}", f"{last} {first}"}
    if person.user is not None:
        names.add(person.user.full_name)
    return _full_names(names)


def person_emails(person: AddressBookPerson) -> set[str]:
    """The addresses an address book person is known by: their own and their account's."""
    emails = {person.email}
    if person.user is not None:
        emails.add(person.user.email)
    return {email for email in emails if email}


def export_person_record(person: AddressBookPerson) -> dict[str, Any]:
    """Everything held on an address book person, reached by their e-mails and by their row
    (a person without e-mail address is still found)."""
    emails = person_emails(person)
    names = person_names(person) | account_names(emails)
    return _export(_rows(emails, person.pk, names), str(person))


def anonymise_row(entry: PersonalData, row: models.Model) -> None:
    """Give each field `entry` declares on `row` its erased value, and save the row."""
    for name in {*entry.fields, *entry.replacements}:
        setattr(row, name, _erased_value(entry, row, name))
    row.save()


def _erased_value(entry: PersonalData, row: models.Model, name: str) -> Any:
    if name in entry.replacements:
        replacement = entry.replacements[name]
        if callable(replacement):
            return replacement(row)
        return replacement.format(pk=row.pk) if isinstance(replacement, str) else replacement
    field = row._meta.get_field(name)
    return None if field.null else ""


def _erase(emails: set[str], person_pk: int | None, names: set[str]) -> int:
    changed = 0
    # Each pass finds every row before changing any: erasing the account's e-mail first would
    # hide the rows other entries find through it (`user__email`). A later pass erases what
    # the first one wrote about itself (a history row recording the old contact e-mail).
    found = _rows(emails, person_pk, names)
    for _ in range(3):
        found = [(entry, row) for entry, row in found if entry.on_erasure != OnErasure.KEEP]
        if not found:
            break
        for entry, row in found:
            if entry.on_erasure == OnErasure.DELETE:
                row.delete()
                continue
            anonymise_row(entry, row)
        changed += len(found)
        found = _rows(emails, None)
    return changed


@transaction.atomic
def erase_person(email: str, *, journal: bool = True) -> int:
    """Anonymise every declared field of every row tied to this e-mail; return rows changed.
    The erasure is journalled, so that restoring an older backup repeats it."""
    if journal:
        erasure_journal.record({email})
    return _erase({email}, None, account_names({email}))


@transaction.atomic
def erase_person_record(person: AddressBookPerson, *, journal: bool = True) -> int:
    """Anonymise an address book person and every row tied to them or to their e-mails."""
    emails = person_emails(person)
    if journal:
        erasure_journal.record(emails, person.pk)
    return _erase(emails, person.pk, person_names(person) | account_names(emails))
