"""The e-mails sent to registrants, in French, each with the calendar invitation attached.

Each is a task given the registration's id: the worker builds the address, the body and the
personal link when it runs, so the task table never holds them (see maillage/mail.py).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from maillage.activities import ical
from maillage.activities.enums import RegistrationStatus
from maillage.activities.models import Announcement, Registration
from maillage.core.site import absolute_url
from maillage.hub import current_hub
from maillage.mail import email_task


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _message(
    registration_pk: int, template: str, subject: str, **context: Any
) -> EmailMessage | None:
    registration = (
        Registration.objects.select_related("activity", "activity__commune")
        .filter(pk=registration_pk)
        .first()
    )
    if registration is None:
        return None
    activity = registration.activity
    context = {
        "registration": registration,
        "activity": activity,
        "hub": current_hub().identity,
        "activity_url": absolute_url(activity.get_absolute_url()),
        "registration_url": absolute_url(registration.get_absolute_url()),
        **context,
    }
    if template == "survey":
        context["survey_url"] = absolute_url(
            reverse("activities:survey", args=[registration.token])
        )
    message = EmailMessage(
        subject=_one_line(f"{subject} : {activity.title}"),
        body=render_to_string(f"activities/email/{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
    )
    calendar = ical.invitation(activity, registration.name, registration.email)
    method = "CANCEL" if activity.is_cancelled else "REQUEST"
    message.attach("invitation.ics", calendar, f"text/calendar; method={method}")
    return message


@email_task
def send_registered(registration_pk: int) -> EmailMessage | None:
    registration = Registration.objects.filter(pk=registration_pk).only("status").first()
    if registration is not None and registration.status == RegistrationStatus.WAITLISTED:
        return _message(registration_pk, "waitlisted", "Liste d’attente")
    return _message(registration_pk, "confirmed", "Inscription confirmée")


@email_task
def send_promoted(registration_pk: int) -> EmailMessage | None:
    return _message(registration_pk, "promoted", "Une place s’est libérée")


@email_task
def send_reminder(registration_pk: int) -> EmailMessage | None:
    return _message(registration_pk, "reminder", "Rappel : c’est demain")


@email_task
def send_changed(registration_pk: int, announcement_pk: int) -> EmailMessage | None:
    registration = Registration.objects.filter(pk=registration_pk).first()
    announcement = Announcement.objects.filter(pk=announcement_pk).first()
    note = announcement.note if announcement is not None else ""
    if registration is not None and registration.activity.is_cancelled:
        return _message(registration_pk, "cancelled", "Activité annulée", note=note)
    return _message(registration_pk, "changed", "Changement", note=note)


@email_task
def send_survey(registration_pk: int) -> EmailMessage | None:
    return _message(registration_pk, "survey", "Votre avis")


@email_task
def send_personal_link(registration_pk: int) -> EmailMessage | None:
    """Someone submitted this address again: the link goes to the address, never to them."""
    if not Registration.objects.active().filter(pk=registration_pk).exists():
        return None  # cancelled or erased meanwhile
    return _message(registration_pk, "personal_link", "Votre lien personnel")


@email_task
def send_cycle_registered(registration_pk: int) -> EmailMessage | None:
    """One e-mail for a whole cycle: each session's seat or rank, and a calendar of the seats."""
    first = Registration.objects.filter(pk=registration_pk).exclude(cycle_key="").first()
    if first is None:
        return None
    registrations = list(
        Registration.objects.filter(cycle_key=first.cycle_key)
        .active()
        .select_related("activity", "activity__commune", "activity__series")
        .order_by("activity__starts_at", "pk")
    )
    if not registrations:
        return None  # cancelled or erased meanwhile
    series = registrations[0].activity.series
    title = series.title if series is not None else registrations[0].activity.title
    context = {
        "registration": first,
        "registrations": registrations,
        "title": title,
        "hub": current_hub().identity,
        "registration_url": absolute_url(first.get_absolute_url()),
    }
    message = EmailMessage(
        subject=_one_line(f"Inscription au cycle : {title}"),
        body=render_to_string("activities/email/cycle_registered.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[first.email],
    )
    message.attach("cycle.ics", ical.cycle_calendar(registrations), "text/calendar")
    return message


def registered(registration: Registration) -> None:
    send_registered.enqueue(registration.pk)


def promoted(registration: Registration) -> None:
    send_promoted.enqueue(registration.pk)


def reminder(registration: Registration) -> None:
    send_reminder.enqueue(registration.pk)


def changed(registration: Registration, announcement: Announcement) -> None:
    send_changed.enqueue(registration.pk, announcement.pk)


def survey(registration: Registration) -> None:
    send_survey.enqueue(registration.pk)


def personal_link(registration: Registration) -> None:
    send_personal_link.enqueue(registration.pk)


def cycle_registered(registration: Registration) -> None:
    send_cycle_registered.enqueue(registration.pk)
