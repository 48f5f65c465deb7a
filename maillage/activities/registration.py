"""Registering to an activity, exactly once, and cancelling: the only writers of Registration.

Capacity holds under concurrency because every registration and cancellation of an activity
first locks the activity's row (SELECT … FOR UPDATE on PostgreSQL; on SQLite the settings open
IMMEDIATE transactions, so writers queue one at a time). The unique constraint on
(activity, lower(email)) among non-cancelled registrations is the last guard against a double
submit.

An e-mail already registered is answered with `AlreadyRegistered`, after the same checks as a
newcomer: what happens next (the personal link sent again to that address) is decided by the
caller, who alone knows who is asking.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from maillage.accounts.models import AnyUser, User
from maillage.accounts.permissions import may_act_as_member
from maillage.activities import notifications
from maillage.activities.consent import CONSENT_VERSION
from maillage.activities.enums import RegistrationStatus, Visibility
from maillage.activities.models import Activity, Registration
from maillage.core.form_tokens import first_write

NAME_MAX = 150
ORGANISATION_MAX = 200


class RegistrationRefused(Exception):
    """A registration or cancellation that cannot be done; the message is for the person."""


class AlreadyRegistered(Exception):
    """The e-mail already holds a live registration to the activity (carried, never shown to
    whoever merely typed the address)."""

    def __init__(self, registration: Registration):
        super().__init__("Cette adresse est déjà inscrite à cette activité.")
        self.registration = registration


def clean_line(value: str, label: str, max_length: int, *, required: bool) -> str:
    value = (value or "").strip()
    if any(char in value for char in "\r\n\x00"):
        raise RegistrationRefused(f"Le champ « {label} » doit tenir sur une seule ligne.")
    if required and not value:
        raise RegistrationRefused(f"Le champ « {label} » est obligatoire.")
    if len(value) > max_length:
        raise RegistrationRefused(
            f"Le champ « {label} » ne doit pas dépasser {max_length} caractères."
        )
    return value


def clean_email(email: str) -> str:
    email = clean_line(email, "adresse e-mail", 254, required=True)
    try:
        validate_email(email)
    except ValidationError:
        raise RegistrationRefused("Cette adresse e-mail n’est pas valide.") from None
    return email.lower()


def check_open(activity: Activity, user: AnyUser | None, *, by_staff: bool) -> None:
    if by_staff:
        if activity.is_cancelled:
            raise RegistrationRefused("Cette activité est annulée.")
        return
    if activity.visibility == Visibility.PRIVATE:
        raise RegistrationRefused("Cette activité n’est pas ouverte aux inscriptions.")
    if activity.visibility == Visibility.MEMBERS and not may_act_as_member(user):
        raise RegistrationRefused("Cette activité est réservée aux adhérents du pôle.")
    if not activity.registration_is_open():
        raise RegistrationRefused("Les inscriptions à cette activité ne sont pas ouvertes.")


def register(
    activity: Activity,
    *,
    name: str,
    email: str,
    organisation: str = "",
    consent: bool,
    user: AnyUser | None = None,
    by_staff: bool = False,
) -> Registration:
    """Confirm a seat, or a place on the waiting list; the same e-mail twice raises
    AlreadyRegistered, once the activity was found open to a newcomer."""
    name = clean_line(name, "nom", NAME_MAX, required=True)
    email = clean_email(email)
    organisation = clean_line(organisation, "structure", ORGANISATION_MAX, required=False)
    if not consent and not by_staff:
        raise RegistrationRefused("Merci d’accepter le texte sur l’usage de vos données.")

    def write() -> Registration:
        locked = Activity.objects.select_for_update().get(pk=activity.pk)
        # Checked before looking the e-mail up, so that a closed or full activity answers the
        # same whether the address is registered or not.
        check_open(locked, user, by_staff=by_staff)
        status = status_for_newcomer(locked)
        existing = locked.registrations.active().filter(email__iexact=email).first()
        if existing is not None:
            raise AlreadyRegistered(existing)
        return create(locked, status, name, email, organisation, consent, user)

    registration = first_write(write)
    if registration is None:  # a concurrent twin won the unique constraint
        twin = Registration.objects.active().get(activity=activity, email__iexact=email)
        raise AlreadyRegistered(twin)
    transaction.on_commit(lambda: notifications.registered(registration))
    return registration


def status_for_newcomer(activity: Activity) -> str:
    confirmed = activity.registrations.confirmed().count()
    if activity.capacity is None or confirmed < activity.capacity:
        return RegistrationStatus.CONFIRMED
    if activity.has_waiting_list:
        return RegistrationStatus.WAITLISTED
    raise RegistrationRefused("Cette activité est complète.")


def create(
    activity: Activity,
    status: str,
    name: str,
    email: str,
    organisation: str,
    consent: bool,
    user: AnyUser | None,
    cycle_key: str = "",
) -> Registration:
    registration = Registration(
        activity=activity,
        cycle_key=cycle_key,
        user=user if isinstance(user, User) else None,
        name=name,
        email=email,
        organisation=organisation,
        consent=consent,
        consent_version=CONSENT_VERSION if consent else "",
        consented_at=timezone.now() if consent else None,
        status=status,
    )
    if status == RegistrationStatus.WAITLISTED:
        last = activity.registrations.waitlisted().aggregate(last=Max("waitlist_position"))
        registration.waitlist_position = (last["last"] or 0) + 1
    registration.save()
    return registration


def cancel(registration: Registration) -> Registration | None:
    """Cancel a registration; a freed seat goes to the first on the waiting list (returned)."""
    with transaction.atomic():
        activity = Activity.objects.select_for_update().get(pk=registration.activity_id)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status == RegistrationStatus.CANCELLED:
            raise RegistrationRefused("Cette inscription est déjà annulée.")
        promoted = cancel_locked(activity, registration)
    if promoted is not None:
        transaction.on_commit(lambda: notifications.promoted(promoted))
    return promoted


def cancel_locked(activity: Activity, registration: Registration) -> Registration | None:
    """Cancel a live registration whose activity row the caller has locked; returns whom the
    freed seat went to."""
    freed = registration.status == RegistrationStatus.CONFIRMED
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.waitlist_position = None
    registration.save(update_fields=["status", "cancelled_at", "waitlist_position"])
    return _promote_first(activity) if freed else None


def _promote_first(activity: Activity) -> Registration | None:
    if activity.is_cancelled or activity.starts_at <= timezone.now():
        return None
    if activity.capacity is not None and activity.confirmed_count() >= activity.capacity:
        return None
    first = activity.registrations.waitlisted().first()
    if first is None:
        return None
    first.status = RegistrationStatus.CONFIRMED
    first.waitlist_position = None
    first.save(update_fields=["status", "waitlist_position"])
    return first


def set_attendance(registration: Registration, attended: bool) -> Registration:
    if registration.status != RegistrationStatus.CONFIRMED and attended:
        raise RegistrationRefused("Seule une inscription confirmée peut être marquée présente.")
    registration.attended = attended
    registration.save(update_fields=["attended"])
    return registration
