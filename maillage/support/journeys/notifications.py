"""The e-mails of the journeys: a partner is told of a referral, the staff member in charge of
its answer, the assignee of a next step that falls due. No personal data of the project holder
goes into an e-mail: it carries the project's title and a link to the page that checks access.

Each is a task given the referral's or the step's id: the worker finds the recipients and
writes the message when it runs (see maillage/mail.py).
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from maillage.core.site import absolute_url
from maillage.hub import current_hub
from maillage.mail import email_task
from maillage.support.journeys.models import NextStep, Referral
from maillage.support.services.representation import representatives_of


def _message(to: list[str], subject: str, template: str, **context) -> EmailMessage | None:
    if not to:
        return None
    body = render_to_string(
        f"journeys/email/{template}.txt", {"hub": current_hub().identity, **context}
    )
    return EmailMessage(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, to)


def _to_partner(referral_pk: int, subject: str, template: str) -> EmailMessage | None:
    referral = Referral.objects.select_related("service__provider").filter(pk=referral_pk).first()
    if referral is None:
        return None
    emails = list(representatives_of(referral.service.provider).values_list("email", flat=True))
    url = absolute_url(reverse("space:journeys:partner_referral", args=[referral.pk]))
    return _message(
        emails, subject.format(service=referral.service), template, referral=referral, url=url
    )


@email_task
def send_referral_sent(referral_pk: int) -> EmailMessage | None:
    return _to_partner(
        referral_pk, "Un porteur de projet vous est orienté : {service}", "referral_sent"
    )


@email_task
def send_referral_cancelled(referral_pk: int) -> EmailMessage | None:
    return _to_partner(referral_pk, "Orientation annulée : {service}", "referral_cancelled")


@email_task
def send_referral_answered(referral_pk: int) -> EmailMessage | None:
    referral = (
        Referral.objects.select_related("case__staff_in_charge").filter(pk=referral_pk).first()
    )
    staff = referral.case.staff_in_charge if referral is not None else None
    if staff is None or not staff.is_active:
        return None
    url = absolute_url(reverse("journeys:case", args=[referral.case_id]))
    return _message(
        [staff.email],
        f"Orientation {referral.get_status_display().lower()} : {referral.case}",
        "referral_answered",
        referral=referral,
        url=url,
    )


@email_task
def send_next_step_due(step_pk: int) -> EmailMessage | None:
    step = NextStep.objects.select_related("case", "assigned_to").filter(pk=step_pk).first()
    if step is None or step.assigned_to is None or not step.assigned_to.is_active:
        return None
    url = absolute_url(reverse("journeys:case", args=[step.case_id]))
    return _message(
        [step.assigned_to.email],
        f"Prochaine étape à faire : {step.title}",
        "next_step_due",
        step=step,
        url=url,
    )


def referral_sent(referral: Referral) -> None:
    send_referral_sent.enqueue(referral.pk)


def referral_cancelled(referral: Referral) -> None:
    send_referral_cancelled.enqueue(referral.pk)


def referral_answered(referral: Referral) -> None:
    send_referral_answered.enqueue(referral.pk)


def next_step_due(step: NextStep) -> None:
    send_next_step_due.enqueue(step.pk)
