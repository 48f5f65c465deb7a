import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from maillage.support.services import publication
from maillage.support.services.errors import ServiceActionRefused
from maillage.support.services.models import Service, ServiceStatus
from maillage.support.services.revision import merge_revision, revision_of
from tests.services.factories import ServiceFactory


def test_a_submitted_service_is_published_and_its_representative_told(
    representative, provider, django_capture_on_commit_callbacks
):
    service = ServiceFactory(provider=provider, submitted=True)
    with django_capture_on_commit_callbacks(execute=True):
        publication.publish(service)
    service.refresh_from_db()
    assert service.status == ServiceStatus.PUBLISHED
    assert [m.to for m in mail.outbox] == [[representative.email]]
    assert "validé" in mail.outbox[0].body


def test_publishing_twice_is_refused_the_second_time(db):
    service = ServiceFactory(submitted=True)
    publication.publish(service)
    with pytest.raises(ServiceActionRefused):
        publication.publish(service)


def test_sending_back_needs_a_comment_and_returns_the_service_to_draft(
    representative, provider, django_capture_on_commit_callbacks
):
    service = ServiceFactory(provider=provider, submitted=True)
    with pytest.raises(ServiceActionRefused, match="remarque est obligatoire"):
        publication.send_back(service, "   ")
    with django_capture_on_commit_callbacks(execute=True):
        publication.send_back(service, "Précisez le coût, s’il vous plaît.")
    service.refresh_from_db()
    assert service.status == ServiceStatus.DRAFT
    assert service.review_comment == "Précisez le coût, s’il vous plaît."
    assert "Précisez le coût, s’il vous plaît." in mail.outbox[0].body


def test_a_published_service_cannot_be_submitted_again(db):
    with pytest.raises(ServiceActionRefused):
        publication.submit(ServiceFactory())


def test_a_closed_service_can_be_submitted_to_reopen(db):
    service = publication.submit(ServiceFactory(closed=True))
    assert service.status == ServiceStatus.SUBMITTED


def test_a_revision_keeps_the_published_text_online_until_it_is_validated(redon):
    original = ServiceFactory(on_offer=True, area=[redon], name="Ancien nom")
    revision = revision_of(original)
    revision.name = "Nouveau nom"
    revision.save()
    revision.communes.set([])
    revision.epcis.set([redon.epci])
    publication.submit(revision)
    assert list(Service.objects.on_offer().values_list("name", flat=True)) == ["Ancien nom"]

    published = publication.publish(revision)

    assert published.pk == original.pk
    original.refresh_from_db()
    assert original.name == "Nouveau nom"
    assert list(original.epcis.all()) == [redon.epci]
    assert list(original.communes.all()) == []
    assert Service.objects.count() == 1


def test_two_first_edits_share_one_revision(db):
    original = ServiceFactory()
    assert revision_of(original) == revision_of(original)
    assert Service.objects.filter(revision_of=original).count() == 1


def test_closing_a_service_drops_its_pending_revision(db):
    original = ServiceFactory()
    revision_of(original)
    publication.close(original)
    assert Service.objects.get().status == ServiceStatus.CLOSED


def test_a_revision_itself_cannot_be_closed_or_published_directly(db):
    revision = revision_of(ServiceFactory())
    with pytest.raises(ServiceActionRefused):
        publication.close(revision)
    with pytest.raises(ServiceActionRefused):
        publication.publish(revision)  # still a draft


def test_the_database_refuses_a_published_revision(db):
    revision = revision_of(ServiceFactory())
    revision.status = ServiceStatus.PUBLISHED
    with pytest.raises(IntegrityError), transaction.atomic():
        revision.save()


def test_merging_updates_the_last_update_date(db):
    original = ServiceFactory()
    before = original.updated_at
    revision = revision_of(original)
    merged = merge_revision(revision)
    assert merged.updated_at > before
