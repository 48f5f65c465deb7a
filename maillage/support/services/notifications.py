"""E-mails to the representatives of a provider when staff decide on one of its services: tasks
given the service's id, which find the representatives when the worker runs them."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from maillage.mail import email_task
from maillage.support.services.models import Service
from maillage.support.services.representation import representatives_of


def _tell(service_pk: int, template: str, subject: str) -> list[EmailMessage]:
    service = Service.objects.select_related("provider").filter(pk=service_pk).first()
    if service is None:
        return []
    body = render_to_string(template, {"service": service})
    # One message each: representatives do not see one another's addresses.
    return [
        EmailMessage(subject.format(name=service.name), body, settings.DEFAULT_FROM_EMAIL, [email])
        for email in representatives_of(service.provider).values_list("email", flat=True)
    ]


@email_task
def send_published(service_pk: int) -> list[EmailMessage]:
    return _tell(service_pk, "services/email/published.txt", "Service publié : {name}")


@email_task
def send_sent_back(service_pk: int) -> list[EmailMessage]:
    return _tell(service_pk, "services/email/sent_back.txt", "Service à reprendre : {name}")


def tell_published(service: Service) -> None:
    send_published.enqueue(service.pk)


def tell_sent_back(service: Service) -> None:
    send_sent_back.enqueue(service.pk)
