"""The password-reset e-mail, a task given the account's id: the link and its token are made
when the worker runs, so they never sit in the task table (see maillage/mail.py)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from maillage.accounts.models import User
from maillage.core.site import absolute_url
from maillage.hub import current_hub
from maillage.mail import email_task


def reset_url(user: User) -> str:
    path = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return absolute_url(path)


@email_task
def send_password_reset(user_pk: int) -> EmailMessage | None:
    user = User.objects.filter(pk=user_pk, is_active=True).first()
    if user is None or not user.has_usable_password():
        return None
    context = {
        "user": user,
        "email": user.email,
        "reset_url": reset_url(user),
        "hub_name": current_hub().identity.full_name,
        "hub_of_name": current_hub().identity.of_full_name,
        "timeout_hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
    }
    subject = render_to_string("accounts/emails/password_reset_subject.txt", context)
    body = render_to_string("accounts/emails/password_reset_body.txt", context)
    return EmailMessage(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [user.email])
