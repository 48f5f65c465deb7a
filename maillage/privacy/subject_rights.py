"""A person's rights over their data (RGPD articles 15, 17 and 20): export and erasure.

Both walk the registry. Erasure anonymises in place rather than deleting rows, so that counts
(registrations, votes, attendances) stay true while nothing points to the person any more.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from maillage.privacy.registry import PersonalData, declared


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, models.Model):
        return str(value)
    return value if value is None or isinstance(value, bool | int | float) else str(value)


def export_person(email: str) -> dict[str, Any]:
    """Everything the platform holds on the person with this e-mail, as JSON-ready data."""
    records = []
    for entry in declared():
        rows = [
            {name: _json_value(getattr(row, name)) for name in entry.fields}
            for row in entry.rows_of(email)
        ]
        if rows:
            records.append(
                {
                    "donnees": entry.model._meta.verbose_name_plural,
                    "finalite": entry.purpose,
                    "duree_de_conservation": entry.retention,
                    "enregistrements": rows,
                }
            )
    return {
        "personne": email,
        "exporte_le": timezone.now().isoformat(),
        "traitements": records,
    }


def _erased_value(entry: PersonalData, row: models.Model, name: str) -> Any:
    if name in entry.replacements:
        replacement = entry.replacements[name]
        return replacement.format(pk=row.pk) if isinstance(replacement, str) else replacement
    field = row._meta.get_field(name)
    return None if field.null else ""


@transaction.atomic
def erase_person(email: str) -> int:
    """Anonymise every declared field of every row tied to this e-mail; return rows changed."""
    changed = 0
    # Each pass finds every row before changing any: erasing the account's e-mail first would
    # hide the rows other entries find through it (`user__email`). A second pass erases what
    # the first one wrote about itself (a history row recording the old contact e-mail).
    for _ in range(3):
        found = [(entry, row) for entry in declared() for row in entry.rows_of(email)]
        if not found:
            break
        for entry, row in found:
            for name in {*entry.fields, *entry.replacements}:
                setattr(row, name, _erased_value(entry, row, name))
            row.save()
        changed += len(found)
    return changed
