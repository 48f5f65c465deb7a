"""The erasure journal: what lets a restored backup forget again the people erased after it.

A backup taken on Monday holds a person erased on Tuesday. Restoring it on Wednesday must not
bring her back, so every erasure is journalled — in the database and, line by line, in a file
kept beside the backups — and `replay` erases again, after a restore, everyone the journal names
that the restored data still holds. The journal stores keyed digests of e-mail addresses and the
address book person's number, never an address or a name.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import DatabaseError, transaction
from django.utils.crypto import salted_hmac

from maillage.privacy.models import ErasureRecord
from maillage.privacy.registry import declared

_SALT = "maillage.privacy.erasure-journal"


def digest(email: str) -> str:
    """The address's keyed digest: the same address always gives it, nobody can reverse it."""
    return salted_hmac(_SALT, email.strip().lower(), algorithm="sha256").hexdigest()


@dataclass(frozen=True)
class Entry:
    key: str
    erased_at: datetime
    person_pk: int | None
    email_digests: tuple[str, ...]

    def as_line(self) -> str:
        return json.dumps(
            {
                "key": self.key,
                "erased_at": self.erased_at.isoformat(),
                "person_pk": self.person_pk,
                "email_digests": list(self.email_digests),
            },
            sort_keys=True,
        )


def _journal_file() -> Path:
    return Path(settings.ERASURE_JOURNAL_PATH)


def _append_to_file(entry: Entry) -> None:
    path = _journal_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as journal:
        journal.write(entry.as_line() + "\n")
        journal.flush()
        os.fsync(journal.fileno())


def record(emails: Iterable[str], person_pk: int | None = None) -> None:
    """Journal an erasure being made in the current transaction (the file line once it commits)."""
    row = ErasureRecord.objects.create(
        key=uuid.uuid4(),
        person_pk=person_pk,
        email_digests=sorted({digest(email) for email in emails if email}),
    )
    entry = _entry(row)
    transaction.on_commit(lambda: _append_to_file(entry))


def _entry(row: ErasureRecord) -> Entry:
    return Entry(str(row.key), row.erased_at, row.person_pk, tuple(row.email_digests))


def _from_line(line: str) -> Entry | None:
    try:
        data = json.loads(line)
        return Entry(
            str(uuid.UUID(data["key"])),
            datetime.fromisoformat(data["erased_at"]),
            data["person_pk"] if isinstance(data["person_pk"], int) else None,
            tuple(str(value) for value in data["email_digests"]),
        )
    except (ValueError, KeyError, TypeError):
        # A line cut by a crash while it was written: the database holds the same entry.
        return None


def known_entries() -> list[Entry]:
    """Every erasure the database and the journal file know of, once each."""
    try:
        entries = {str(row.key): _entry(row) for row in ErasureRecord.objects.all()}
    except DatabaseError:
        # A database not migrated yet (a new host restoring its first backup): the file tells.
        entries = {}
    path = _journal_file()
    if path.exists():
        with path.open(encoding="utf-8") as journal:
            for line in journal:
                entry = _from_line(line)
                if entry is not None:
                    entries.setdefault(entry.key, entry)
    return sorted(entries.values(), key=lambda entry: (entry.erased_at, entry.key))


def _person_model():
    """The address book's person: the registry entry that finds a person by its own number."""
    for entry in declared():
        if entry.person_lookup == "pk":
            return entry.model
    return None


def _addresses_held() -> set[str]:
    """Every e-mail address the data holds, through the registry's lookups and the accounts."""
    addresses = set(get_user_model()._default_manager.values_list("email", flat=True))
    for entry in declared():
        if entry.email_lookup is not None:
            values = entry.model._default_manager.values_list(entry.email_lookup, flat=True)
            addresses.update(values.distinct())
    return {address for address in addresses if address}


@transaction.atomic
def replay(entries: list[Entry]) -> int:
    """Erase again everyone these entries name that the data still holds; journal the entries
    the database lacks. Returns the number of entries that found someone to erase."""
    # Imported here: erasure journals through this module.
    from maillage.privacy.subject_rights import erase_person, erase_person_record

    present = set(ErasureRecord.objects.values_list("key", flat=True))
    missing = [entry for entry in entries if uuid.UUID(entry.key) not in present]
    person_model = _person_model()
    by_digest = {digest(address): address for address in _addresses_held()}
    applied = 0
    for entry in missing:
        found = False
        if entry.person_pk is not None and person_model is not None:
            person = person_model._default_manager.filter(pk=entry.person_pk).first()
            if person is not None:
                erase_person_record(person, journal=False)
                found = True
        for value in entry.email_digests:
            if value in by_digest:
                erase_person(by_digest[value], journal=False)
                found = True
        applied += found
        ErasureRecord.objects.create(
            key=uuid.UUID(entry.key),
            erased_at=entry.erased_at,
            person_pk=entry.person_pk,
            email_digests=list(entry.email_digests),
        )
    return applied
