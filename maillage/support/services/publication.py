"""The life of a service: a representative submits it, staff publish it or send it back with a
comment, the representative or staff close it. Each step locks the row, so a double click or two
staff deciding at once cannot apply a step twice."""

from __future__ import annotations

from django.db import transaction

from maillage.support.services import notifications
from maillage.support.services.errors import ServiceActionRefused
from maillage.support.services.models import Service, ServiceStatus
from maillage.support.services.revision import merge_revision

SUBMITTABLE = (ServiceStatus.DRAFT, ServiceStatus.CLOSED)


def _locked(service: Service) -> Service:
    return Service.objects.select_for_update().get(pk=service.pk)


@transaction.atomic
def submit(service: Service) -> Service:
    service = _locked(service)
    if service.status not in SUBMITTABLE:
        raise ServiceActionRefused(
            "Ce service est déjà publié ou en attente de validation : rien à envoyer."
        )
    service.status = ServiceStatus.SUBMITTED
    service.save()
    return service


@transaction.atomic
def publish(service: Service) -> Service:
    """Publish a submitted service; a submitted revision replaces its published original."""
    service = _locked(service)
    if service.status != ServiceStatus.SUBMITTED:
        raise ServiceActionRefused("Ce service n’est pas en attente de validation.")
    if service.is_revision:
        service = merge_revision(service)
    else:
        service.status = ServiceStatus.PUBLISHED
        service.review_comment = ""
        service.save()
    transaction.on_commit(lambda: notifications.tell_published(service))
    return service


@transaction.atomic
def send_back(service: Service, comment: str) -> Service:
    comment = comment.strip()
    if not comment:
        raise ServiceActionRefused(
            "Dites à la structure ce qu’il faut reprendre : la remarque est obligatoire."
        )
    service = _locked(service)
    if service.status != ServiceStatus.SUBMITTED:
        raise ServiceActionRefused("Ce service n’est pas en attente de validation.")
    service.status = ServiceStatus.DRAFT
    service.review_comment = comment
    service.save()
    transaction.on_commit(lambda: notifications.tell_sent_back(service))
    return service


@transaction.atomic
def close(service: Service) -> Service:
    """Take a service off the offer; a pending revision of it is dropped."""
    service = _locked(service)
    if service.is_revision:
        raise ServiceActionRefused(
            "Une modification en attente ne se ferme pas : fermez le service lui-même."
        )
    if service.status == ServiceStatus.CLOSED:
        raise ServiceActionRefused("Ce service est déjà fermé.")
    Service.objects.filter(revision_of=service).delete()
    service.status = ServiceStatus.CLOSED
    service.save()
    return service
