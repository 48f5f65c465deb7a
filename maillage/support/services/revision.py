"""Editing a published service without taking it off the offer.

A representative's changes to a published service go to a *revision* (a draft row pointing to
it); the public keeps the published text until staff publish the revision, which then replaces
the original's content in place (same id, so links and referrals stay valid)."""

from __future__ import annotations

from django.db import transaction

from maillage.support.services.errors import ServiceActionRefused
from maillage.support.services.models import Service, ServiceStatus

AREA_FIELDS = ("communes", "epcis", "departements")
# Workflow fields stay the original's; everything else is the service's content.
NOT_CONTENT = {"id", "status", "review_comment", "revision_of", "created_at", "updated_at"}


def content_fields() -> list[str]:
    return [
        f.name
        for f in Service._meta.concrete_fields
        if f.name not in NOT_CONTENT and f.attname not in NOT_CONTENT
    ]


def copy_content(source: Service, target: Service) -> None:
    for name in content_fields():
        setattr(target, name, getattr(source, name))


def copy_area(source: Service, target: Service) -> None:
    for name in AREA_FIELDS:
        getattr(target, name).set(getattr(source, name).all())


def needs_revision(service: Service) -> bool:
    """A representative's edit of this service goes to a revision."""
    return service.status == ServiceStatus.PUBLISHED


@transaction.atomic
def revision_of(original: Service) -> Service:
    """The pending revision of a published service, created from it if there is none yet.

    The original's row lock makes two simultaneous first edits share one revision."""
    original = Service.objects.select_for_update().get(pk=original.pk)
    existing = Service.objects.filter(revision_of=original).first()
    if existing is not None:
        return existing
    revision = Service(revision_of=original, status=ServiceStatus.DRAFT)
    copy_content(original, revision)
    revision.save()
    copy_area(original, revision)
    return revision


@transaction.atomic
def merge_revision(revision: Service) -> Service:
    """Publish a revision's content on its original and drop the revision (caller locks it)."""
    if revision.revision_of_id is None:
        raise ServiceActionRefused("Ce service n’est pas une révision d’un service publié.")
    original = Service.objects.select_for_update().get(pk=revision.revision_of_id)
    copy_content(revision, original)
    original.status = ServiceStatus.PUBLISHED
    original.review_comment = ""
    original.save()
    copy_area(revision, original)
    revision.delete()
    return original
