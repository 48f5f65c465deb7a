"""The e-mails of needs, each a task given ids only (see maillage/mail.py)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from maillage.core.site import absolute_url
from maillage.hub import current_hub
from maillage.mail import email_task
from maillage.needs.confirmation import CONFIRMATION_DAYS, new_link_token
from maillage.needs.models import Need


@email_task
def send_confirmation(need_pk: int) -> EmailMessage | None:
    need = Need.objects.filter(pk=need_pk, confirmed_at__isnull=True).first()
    if need is None or not need.contact_email:
        return None
    token = new_link_token(need)
    context = {
        "need": need,
        "hub": current_hub().identity,
        "confirm_url": absolute_url(reverse("needs:confirm", args=[token])),
        "days": CONFIRMATION_DAYS,
    }
    return EmailMessage(
        subject=f"Confirmez votre besoin : {' '.join(need.title.split())}",
        body=render_to_string("needs/email/confirmation.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[need.contact_email],
    )
