"""E-mails to the representatives of a provider when staff decide on one of its services."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

from maillage.support.services.models import Service
from maillage.support.services.representation import representatives_of


def _tell(service: Service, template: str, subject: str) -> None:
    body = render_to_string(template, {"service": service})
    # One message each: representatives do not see one another's addresses.
    for email in representatives_of(service.provider).values_list("email", flat=True):
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email])


def tell_published(service: Service) -> None:
    _tell(service, "services/email/published.txt", f"Service publié : {service.name}")


def tell_sent_back(service: Service) -> None:
    _tell(service, "services/email/sent_back.txt", f"Service à reprendre : {service.name}")
