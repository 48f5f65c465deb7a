"""The e-mails sent to registrants, in French, each with the calendar invitation attached.

They go through Django's mail API, whose backend queues each message as a task: nothing here
waits on SMTP.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from maillage.activities import ical
from maillage.activities.enums import RegistrationStatus
from maillage.activities.models import Registration
from maillage.core.site import absolute_url
from maillage.hub import current_hub


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _send(registration: Registration, template: str, subject: str, **context) -> None:
    activity = registration.activity
    context = {
        "registration": registration,
        "activity": activity,
        "hub": current_hub().identity,
        "activity_url": absolute_url(activity.get_absolute_url()),
        "registration_url": absolute_url(registration.get_absolute_url()),
        **context,
    }
    message = EmailMessage(
        subject=_one_line(f"{subject} : {activity.title}"),
        body=render_to_string(f"activities/email/{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
    )
    calendar = ical.invitation(activity, registration.name, registration.email)
    method = "CANCEL" if activity.is_cancelled else "REQUEST"
    message.attach("invitation.ics", calendar, f"text/calendar; method={method}")
    message.send()


def registered(registration: Registration) -> None:
    if registration.status == RegistrationStatus.WAITLISTED:
        _send(registration, "waitlisted", "Liste d’attente")
    else:
        _send(registration, "confirmed", "Inscription confirmée")


def promoted(registration: Registration) -> None:
    _send(registration, "promoted", "Une place s’est libérée")


def reminder(registration: Registration) -> None:
    _send(registration, "reminder", "Rappel : c’est demain")


def changed(registration: Registration, note: str) -> None:
    if registration.activity.is_cancelled:
        _send(registration, "cancelled", "Activité annulée", note=note)
    else:
        _send(registration, "changed", "Changement", note=note)


def survey(registration: Registration) -> None:
    _send(
        registration,
        "survey",
        "Votre avis",
        survey_url=absolute_url(f"/agenda/inscription/{registration.token}/avis/"),
    )
