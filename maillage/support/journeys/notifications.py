"""The e-mails of the journeys: a partner is told of a referral, the staff member in charge of
its answer, the assignee of a next step that falls due. No personal data of the project holder
goes into an e-mail: it carries the project's title and a link to the page that checks access.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from maillage.core.site import absolute_url
from maillage.hub import current_hub
from maillage.support.journeys.models import NextStep, Referral


def _send(to: list[str], subject: str, template: str, **context) -> None:
    if not to:
        return
    body = render_to_string(
        f"journeys/email/{template}.txt", {"hub": current_hub().identity, **context}
    )
    send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, to)


def _to_partner(referral: Referral, subject: str, template: str) -> None:
    from maillage.support.journeys.partners import representatives_of

    emails = list(representatives_of(referral.service.provider).values_list("email", flat=True))
    url = absolute_url(reverse("journeys:partner_referral", args=[referral.pk]))
    _send(emails, subject, template, referral=referral, url=url)


def referral_sent(referral: Referral) -> None:
    _to_partner(
        referral, f"Un porteur de projet vous est orienté : {referral.service}", "referral_sent"
    )


def referral_cancelled(referral: Referral) -> None:
    _to_partner(referral, f"Orientation annulée : {referral.service}", "referral_cancelled")


def referral_answered(referral: Referral) -> None:
    staff = referral.case.staff_in_charge
    if staff is None or not staff.is_active:
        return
    url = absolute_url(reverse("journeys:case", args=[referral.case_id]))
    _send(
        [staff.email],
        f"Orientation {referral.get_status_display().lower()} : {referral.case}",
        "referral_answered",
        referral=referral,
        url=url,
    )


def next_step_due(step: NextStep) -> None:
    url = absolute_url(reverse("journeys:case", args=[step.case_id]))
    _send(
        [step.assigned_to.email],
        f"Prochaine étape à faire : {step.title}",
        "next_step_due",
        step=step,
        url=url,
    )
