"""The signed-in person's own record: what the hub holds on them."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from maillage.network.people.models import Person


def person_of(user) -> Person | None:
    """The address book entry of this account: linked to it, else with its e-mail and unlinked."""
    linked = Person.objects.active().filter(user=user).first()
    if linked is not None:
        return linked
    return Person.objects.active().filter(email__iexact=user.email, user__isnull=True).first()


def ensure_person_of(user) -> Person:
    """The account's entry, created (and linked) when the person first records a consent."""
    person = person_of(user)
    if person is None:
        try:
            with transaction.atomic():
                first, _, last = (user.full_name or "").rpartition(" ")
                person = Person.objects.create(
                    user=user, email=user.email, first_name=first, last_name=last or user.email
                )
        except IntegrityError:  # a concurrent request created it first
            person = person_of(user)
    if person.user_id is None:
        person.user = user
        person.save(update_fields=["user"])
    return person
