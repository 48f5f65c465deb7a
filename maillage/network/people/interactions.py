"""Noting an exchange with a person moves their last activity forward."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django.db import transaction
from django.utils import timezone

from maillage.accounts.models import User
from maillage.network.people.models import Interaction, Person


class InteractionRefused(ValueError):
    """The exchange cannot be recorded; the message is for the staff member."""


def moment_of(day: date) -> datetime:
    now = timezone.now()
    if day == timezone.localdate(now):
        return now
    return datetime.combine(day, time(12), tzinfo=timezone.get_current_timezone())


@transaction.atomic
def record_interaction(person: Person, staff_member: User, **fields: Any) -> Interaction:
    if fields["occurred_on"] > timezone.localdate():
        raise InteractionRefused("Un échange ne peut pas être noté à une date future.")
    if person.is_erased:
        raise InteractionRefused("Cette personne a été effacée : aucun échange ne peut être noté.")
    interaction = Interaction.objects.create(person=person, staff_member=staff_member, **fields)
    person.touch(moment_of(interaction.occurred_on))
    return interaction
