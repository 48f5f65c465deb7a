import datetime

import pytest
from django.core import mail
from django.db import IntegrityError

from maillage.support.journeys import referrals
from maillage.support.journeys.enums import ReferralStatus
from maillage.support.journeys.errors import JourneyError
from maillage.support.journeys.models import Referral
from maillage.support.services.models import ServiceStatus
from tests.factories import UserFactory
from tests.journeys.factories import SupportCaseFactory, represent
from tests.services.factories import ServiceFactory

TODAY = datetime.date(2026, 4, 1)


def test_a_referral_is_sent_and_the_partner_told_without_the_holder_s_details():
    service = ServiceFactory(on_offer=True)
    representative = UserFactory(partner=True, email="accueil@bge.example")
    represent(representative, service.provider)
    case = SupportCaseFactory()
    holder = case.holders.get()

    referral = referrals.refer(case, service, message="Étude de marché", today=TODAY)

    assert referral.status == ReferralStatus.SENT
    assert [message.to for message in mail.outbox] == [["accueil@bge.example"]]
    assert f"/espace-membre/orientations/{referral.pk}/" in mail.outbox[0].body
    assert holder.email not in mail.outbox[0].body


@pytest.mark.parametrize("status", [ServiceStatus.CLOSED, ServiceStatus.DRAFT])
def test_a_referral_to_a_closed_or_unpublished_service_is_refused(status):
    service = ServiceFactory(on_offer=True, status=status, name="Diagnostic création")

    with pytest.raises(JourneyError, match="« Diagnostic création » est fermé ou n’est pas publié"):
        referrals.refer(SupportCaseFactory(), service, today=TODAY)

    assert not Referral.objects.exists()


def test_a_second_open_referral_to_the_same_service_is_refused():
    case, service = SupportCaseFactory(), ServiceFactory(on_offer=True)
    referrals.refer(case, service, today=TODAY)

    with pytest.raises(JourneyError, match="déjà en cours"):
        referrals.refer(case, service, today=TODAY)

    assert Referral.objects.count() == 1


def test_the_database_holds_one_open_referral_per_case_and_service():
    case, service = SupportCaseFactory(), ServiceFactory(on_offer=True)
    Referral.objects.create(case=case, service=service, sent_on=TODAY)

    with pytest.raises(IntegrityError):
        Referral.objects.create(case=case, service=service, sent_on=TODAY)


def test_after_a_decline_the_case_can_be_referred_to_the_service_again():
    case, service = SupportCaseFactory(), ServiceFactory(on_offer=True)
    first = referrals.refer(case, service, today=TODAY)
    referrals.decline(first, None, "Complet jusqu’en septembre", today=TODAY)

    again = referrals.refer(case, service, today=TODAY)

    assert again.status == ReferralStatus.SENT


def test_a_referral_goes_from_sent_to_accepted_to_done_and_staff_are_told(staff):
    case = SupportCaseFactory(staff_in_charge=staff)
    referral = referrals.refer(case, ServiceFactory(on_offer=True), today=TODAY)

    referrals.accept(referral, None, today=TODAY)
    referral = referrals.complete(referral, None, "Business plan fait", today=TODAY)

    assert referral.status == ReferralStatus.DONE
    assert referral.partner_note == "Business plan fait"
    assert [message.to for message in mail.outbox[-2:]] == [[staff.email], [staff.email]]


def test_declining_needs_a_reason():
    referral = referrals.refer(SupportCaseFactory(), ServiceFactory(on_offer=True), today=TODAY)

    with pytest.raises(JourneyError, match="motif"):
        referrals.decline(referral, None, "   ", today=TODAY)

    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SENT


def test_an_answered_referral_cannot_be_answered_again():
    referral = referrals.refer(SupportCaseFactory(), ServiceFactory(on_offer=True), today=TODAY)
    referrals.accept(referral, None, today=TODAY)

    with pytest.raises(JourneyError, match="déjà reçu une réponse"):
        referrals.decline(referral, None, "Finalement non", today=TODAY)


def test_only_an_accepted_referral_can_be_done():
    referral = referrals.refer(SupportCaseFactory(), ServiceFactory(on_offer=True), today=TODAY)

    with pytest.raises(JourneyError, match="acceptée"):
        referrals.complete(referral, None, today=TODAY)


def test_a_closed_case_cannot_be_referred():
    from maillage.support.journeys.journey import close_case
    from maillage.support.journeys.models import Outcome

    case = SupportCaseFactory()
    close_case(case, Outcome(activity_created=False), TODAY, today=TODAY)

    with pytest.raises(JourneyError, match="clos"):
        referrals.refer(case, ServiceFactory(on_offer=True), today=TODAY)
