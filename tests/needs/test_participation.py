"""Supports once per person, comments moderated before publication, offers of help, merging
duplicates without losing a support or a comment."""

import uuid

import pytest
from django.db import IntegrityError
from django.urls import reverse

from maillage.needs import comments, merging, supports
from maillage.needs.enums import NeedStatus
from maillage.needs.models import Support
from tests.factories import UserFactory
from tests.needs.factories import NeedFactory
from tests.services.factories import ApprovedClaimFactory

pytestmark = pytest.mark.django_db


def test_a_person_supports_a_need_once(client_for, member):
    need = NeedFactory()
    client = client_for(member)
    client.post(reverse("needs:support", args=[need.pk]))
    client.post(reverse("needs:support", args=[need.pk]))
    assert need.supports.count() == 1
    assert "Vous soutenez ce besoin." in client.get(need.get_absolute_url()).content.decode()


def test_the_database_refuses_a_second_support_of_the_same_person(member):
    need = NeedFactory()
    Support.objects.create(need=need, user=member)
    with pytest.raises(IntegrityError):
        Support.objects.create(need=need, user=member)


def test_a_visitor_is_sent_to_log_in_to_support(client):
    need = NeedFactory()
    response = client.post(reverse("needs:support", args=[need.pk]))
    assert response.status_code == 302
    assert need.supports.count() == 0


def test_an_answered_need_asks_no_visitor_to_sign_in_to_support_it(client):
    need = NeedFactory(status=NeedStatus.ANSWERED)
    page = client.get(need.get_absolute_url()).content.decode()
    assert "Ce besoin est clos\u00a0: il ne reçoit plus de soutien." in page
    assert "pour soutenir ce besoin" not in page
    assert "pour dire ce que la réponse a changé pour vous" in page  # comments stay open


def test_a_comment_is_shown_only_once_published(client_for, member, staff):
    need = NeedFactory()
    comment, _ = comments.write(need, member, "Même chose à Allaire.", uuid.uuid4())
    client = client_for(None)
    assert "Même chose à Allaire." not in client.get(need.get_absolute_url()).content.decode()
    client_for(staff).post(reverse("needs:moderate", args=[comment.pk]), {"decision": "publier"})
    client.logout()
    assert "Même chose à Allaire." in client.get(need.get_absolute_url()).content.decode()


def test_a_rejected_comment_is_never_shown(client, member):
    need = NeedFactory()
    comment, _ = comments.write(need, member, "Hors sujet.", uuid.uuid4())
    comments.moderate(comment, publish=False)
    assert "Hors sujet." not in client.get(need.get_absolute_url()).content.decode()


def test_merging_carries_supports_and_comments_and_counts_a_supporter_of_both_once(staff):
    kept, duplicate = NeedFactory(), NeedFactory()
    both, only_duplicate, only_kept = UserFactory.create_batch(3)
    for user in (both, only_kept):
        supports.support(kept, user)
    for user in (both, only_duplicate):
        supports.support(duplicate, user)
    comment, _ = comments.write(duplicate, only_duplicate, "Pareil ici.", uuid.uuid4())

    merging.merge(duplicate, kept, staff, "Même demande")

    assert set(kept.supports.values_list("user", flat=True)) == {
        both.pk,
        only_duplicate.pk,
        only_kept.pk,
    }
    comment.refresh_from_db()
    assert comment.need == kept
    duplicate.refresh_from_db()
    assert duplicate.merged_into == kept
    assert duplicate.steps.get().reason == f"Doublon de « {kept.title} » : Même demande"


def test_a_merged_need_leads_to_the_one_kept(client, staff):
    kept, duplicate = NeedFactory(), NeedFactory()
    merging.merge(duplicate, kept, staff)
    response = client.get(duplicate.get_absolute_url())
    assert response.status_code == 302
    assert response.url == kept.get_absolute_url()


def test_an_organisation_says_it_can_help(client_for, member):
    claim = ApprovedClaimFactory(user=member)
    need = NeedFactory()
    client_for(member).post(
        reverse("needs:offer_help", args=[need.pk]),
        {"legal_unit": claim.legal_unit.pk, "what": "Un local le samedi"},
    )
    page = client_for(member).get(need.get_absolute_url()).content.decode()
    assert claim.legal_unit.name in page
    assert "Un local le samedi" in page
