"""The signed-in person's own record: what the hub holds on them."""

from __future__ import annotations

from maillage.accounts.models import User
from maillage.core.form_tokens import first_write
from maillage.network.people.models import Person


def person_of(user: User) -> Person | None:
    """The address book entry of this account: linked to it, else with its e-mail and unlinked."""
    linked = Person.objects.active().filter(user=user).first()
    if linked is not None:
        return linked
    return Person.objects.active().filter(email__iexact=user.email, user__isnull=True).first()


def ensure_person_of(user: User) -> Person:
    """The account's entry, created (and linked) when the person first records a consent."""
    person = person_of(user)
    if person is None:
        first, _, last = (user.full_name or "").rpartition(" ")
        person = first_write(
            lambda: Person.objects.create(
                user=user, email=user.email, first_name=first, last_name=last or user.email
            )
        ) or person_of(user)  # a concurrent request created it first
    if person is None:  # created by a concurrent request, then at once linked elsewhere
        raise RuntimeError(f"No address book entry could be made for account {user.pk}.")
    if person.user_id is None:
        person.user = user
        person.save(update_fields=["user"])
    return person
