"""Registering to every session of a cycle at once, and cancelling them together.

One submit registers the person to each session of the cycle still open to them: a seat where
one is left, else a place on that session's own waiting list, and never twice on one date (a
session where the address already holds a registration keeps it). The cycle is written whole
or not at all: every session's row is locked first, always in the same order (by id), so the
seats of all the sessions are counted under lock, and two cycle registrations, or a cycle and
a single registration, never wait for each other in a circle. A session full with no waiting
list refuses the whole cycle.

The registrations written together share a `cycle_key`: the personal page of any of them shows
the cycle, its calendar holds every session with a seat, and cancelling the cycle cancels the
sessions still to come.
"""

from __future__ import annotations

import secrets
from functools import partial

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from maillage.accounts.models import AnyUser
from maillage.activities import notifications
from maillage.activities.models import Activity, Registration, Series
from maillage.activities.registration import (
    NAME_MAX,
    ORGANISATION_MAX,
    AlreadyRegistered,
    RegistrationRefused,
    cancel_locked,
    check_open,
    clean_email,
    clean_line,
    create,
    status_for_newcomer,
)
from maillage.core.form_tokens import first_write


def _open_to(session: Activity, user: AnyUser | None) -> bool:
    try:
        check_open(session, user, by_staff=False)
    except RegistrationRefused:
        return False
    return True


def open_sessions(series: Series, user: AnyUser | None) -> list[Activity]:
    """The sessions of the cycle this visitor may register to now, soonest first."""
    sessions = series.sessions.visible_to(user).order_by("starts_at", "pk")
    return [session for session in sessions if _open_to(session, user)]


def register_to_cycle(
    series: Series,
    *,
    name: str,
    email: str,
    organisation: str = "",
    consent: bool,
    user: AnyUser | None = None,
) -> list[Registration]:
    """Register to every open session (seat or waiting list, date by date); returns the
    registrations written. An address already on every open session raises AlreadyRegistered."""
    name = clean_line(name, "nom", NAME_MAX, required=True)
    email = clean_email(email)
    organisation = clean_line(organisation, "structure", ORGANISATION_MAX, required=False)
    if not consent:
        raise RegistrationRefused("Merci d’accepter le texte sur l’usage de vos données.")
    key = secrets.token_urlsafe(24)

    def write() -> list[Registration]:
        locked = Activity.objects.select_for_update().filter(series=series).order_by("pk")
        sessions = sorted(
            (session for session in locked if _open_to(session, user)),
            key=lambda session: (session.starts_at, session.pk),
        )
        if not sessions:
            raise RegistrationRefused("Aucune séance de ce cycle n’est ouverte aux inscriptions.")
        written, kept = [], []
        for session in sessions:
            existing = session.registrations.active().filter(email__iexact=email).first()
            if existing is not None:
                kept.append(existing)
                continue
            status = _status_in_cycle(session)
            written.append(
                create(session, status, name, email, organisation, consent, user, cycle_key=key)
            )
        if not written:
            raise AlreadyRegistered(kept[0])
        return written

    # The locks make a twin submit wait and then find its rows; the unique constraint is the
    # last guard, and a refused write is tried once more, which then finds them.
    registrations = first_write(write) or first_write(write)
    if registrations is None:
        raise RegistrationRefused("L’inscription n’a pas pu être enregistrée : réessayez.")
    transaction.on_commit(lambda: notifications.cycle_registered(registrations[0]))
    return registrations


def _status_in_cycle(session: Activity) -> str:
    try:
        return status_for_newcomer(session)
    except RegistrationRefused:
        day = timezone.localtime(session.starts_at).strftime("%d/%m/%Y")
        raise RegistrationRefused(
            f"La séance du {day} est complète, sans liste d’attente : l’inscription au cycle "
            "n’est pas possible. Vous pouvez vous inscrire séance par séance."
        ) from None


def registrations_of_cycle(registration: Registration) -> QuerySet[Registration]:
    """Every registration written with this one, cancelled ones included, by date."""
    return (
        Registration.objects.filter(cycle_key=registration.cycle_key)
        .exclude(cycle_key="")
        .select_related("activity", "activity__commune", "activity__series")
        .order_by("activity__starts_at", "pk")
    )


def cancel_cycle(registration: Registration) -> list[Registration]:
    """Cancel the cycle's registrations to sessions still to come; each freed seat goes to the
    first on that session's waiting list (returned)."""
    if not registration.cycle_key:
        raise RegistrationRefused("Cette inscription ne porte pas sur un cycle.")
    promoted: list[Registration] = []
    with transaction.atomic():
        live = registrations_of_cycle(registration).active()
        sessions = Activity.objects.select_for_update().filter(
            pk__in=live.values("activity_id"), starts_at__gt=timezone.now()
        )
        locked = {session.pk: session for session in sessions.order_by("pk")}
        to_cancel = [each for each in live if each.activity_id in locked]
        if not to_cancel:
            raise RegistrationRefused("Il ne reste aucune séance à venir à annuler.")
        for each in to_cancel:
            if (first := cancel_locked(locked[each.activity_id], each)) is not None:
                promoted.append(first)
    for first in promoted:
        transaction.on_commit(partial(notifications.promoted, first))
    return promoted
