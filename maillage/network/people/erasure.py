"""Erasing a person: anonymised in place, so that counts (registrations, votes, memberships)
stay true while nothing points to who they were."""

from __future__ import annotations

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from maillage.network.people.models import Person
from maillage.privacy.subject_rights import erase_person_record


@transaction.atomic
def erase(person: Person) -> int:
    """Anonymise the person and every row tied to them; return how many rows changed."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    if person.is_erased:
        return 0
    changed = erase_person_record(person)
    # The admin's history names the objects it changed: that name is personal data too.
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Person), object_id=str(person.pk)
    ).update(object_repr="Personne effacée", change_message="")
    return changed
