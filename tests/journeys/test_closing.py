"""Closing a case ends its referrals still open: cancelled on the closing date, « dossier clos »,
seen as such by the partner, who is told and can no longer act on them."""

import datetime

import pytest
from django.core import mail
from django.db import IntegrityError
from django.urls import reverse

from maillage.support.journeys import referrals
from maillage.support.journeys.enums import ReferralStatus
from maillage.support.journeys.errors import JourneyError
from maillage.support.journeys.journey import close_case
from maillage.support.journeys.models import Outcome, Referral
from tests.factories import UserFactory
from tests.journeys.factories import SupportCaseFactory, represent
from tests.services.factories import ServiceFactory
from tests.typeset import french

SENT = datetime.date(2026, 3, 10)
CLOSED = datetime.date(2026, 5, 4)
TODAY = datetime.date(2026, 6, 1)


def close(case, on=CLOSED):
    close_case(case, Outcome(activity_created=True), on, today=TODAY)


@pytest.fixture
def partner():
    return UserFactory(partner=True, email="accueil@bge.example")


@pytest.fixture
def case_with_referrals(partner):
    """A case referred four times: waiting, accepted, declined and done."""
    case = SupportCaseFactory()
    made = {}
    for status in ["sent", "accepted", "declined", "done"]:
        service = ServiceFactory(on_offer=True, name=f"Service {status}")
        represent(partner, service.provider)
        made[status] = referrals.refer(case, service, today=SENT)
    referrals.accept(made["accepted"], partner, today=SENT)
    referrals.decline(made["declined"], partner, "Hors de notre territoire", today=SENT)
    referrals.accept(made["done"], partner, today=SENT)
    referrals.complete(made["done"], partner, today=SENT)
    mail.outbox.clear()
    return case, made


def status_of(referral) -> tuple:
    referral.refresh_from_db()
    return referral.status, referral.cancelled_on, referral.cancel_reason


def test_closing_a_case_cancels_its_open_referrals_and_leaves_the_answered_ones(
    case_with_referrals,
):
    case, made = case_with_referrals

    close(case)

    cancelled = (ReferralStatus.CANCELLED, CLOSED, "dossier clos")
    assert status_of(made["sent"]) == cancelled
    assert status_of(made["accepted"]) == cancelled
    assert status_of(made["declined"]) == (ReferralStatus.DECLINED, None, "")
    assert status_of(made["done"]) == (ReferralStatus.DONE, None, "")
    assert not case.referrals.open().exists()


def test_the_partner_is_told_of_each_cancelled_referral(case_with_referrals, partner):
    case, _ = case_with_referrals

    close(case)

    assert len(mail.outbox) == 2
    assert all(message.to == ["accueil@bge.example"] for message in mail.outbox)
    assert {message.subject for message in mail.outbox} == {
        "Orientation annulée : Service sent",
        "Orientation annulée : Service accepted",
    }
    assert case.holders.get().email not in mail.outbox[0].body


def test_a_referral_sent_after_the_closing_date_is_cancelled_no_earlier_than_it_was_sent(partner):
    case = SupportCaseFactory()
    referral = referrals.refer(case, ServiceFactory(on_offer=True), today=CLOSED)

    close(case, on=SENT)  # a closing recorded late, dated before the referral

    assert status_of(referral) == (ReferralStatus.CANCELLED, CLOSED, "dossier clos")


def test_the_partner_list_no_longer_shows_the_referral_as_waiting(
    client_for, case_with_referrals, partner
):
    case, _ = case_with_referrals
    client = client_for(partner)
    before = client.get(reverse("space:journeys:partner_referrals")).content.decode()

    close(case)

    after = client.get(reverse("space:journeys:partner_referrals")).content.decode()
    assert before.count("<td>Envoyée</td>") == 1
    assert after.count("<td>Envoyée</td>") == after.count("<td>Acceptée</td>") == 0
    assert after.count("<td>Annulée (dossier clos)</td>") == 2


def test_the_partner_list_shows_the_referrals_waiting_for_an_answer_first(client_for, partner):
    service = ServiceFactory(on_offer=True)
    represent(partner, service.provider)
    done, waiting = SupportCaseFactory(title="Projet fini"), SupportCaseFactory(title="En attente")
    referral = referrals.refer(done, service, today=SENT)
    referrals.accept(referral, partner, today=SENT)
    referrals.complete(referral, partner, today=SENT)
    referrals.refer(waiting, service, today=SENT - datetime.timedelta(days=1))

    page = client_for(partner).get(reverse("space:journeys:partner_referrals")).content.decode()

    assert page.index("En attente") < page.index("Projet fini")


def test_the_partner_page_says_why_and_offers_no_answer(client_for, case_with_referrals, partner):
    case, made = case_with_referrals
    close(case)

    page = (
        client_for(partner)
        .get(reverse("space:journeys:partner_referral", args=[made["sent"].pk]))
        .content.decode()
    )

    assert french("Orientation annulée le 4 mai 2026 : dossier clos.") in page
    assert "Accepter l’orientation" not in page
    assert "Décliner l’orientation" not in page


@pytest.mark.parametrize(
    ("name", "fields"),
    [("partner_accept", {}), ("partner_decline", {"reason": "Trop tard"}),
     ("partner_complete", {})],
)  # fmt: skip
def test_a_partner_cannot_answer_a_cancelled_referral(
    client_for, case_with_referrals, partner, name, fields
):
    case, made = case_with_referrals
    close(case)
    referral = made["accepted"] if name == "partner_complete" else made["sent"]

    response = client_for(partner).post(
        reverse(f"space:journeys:{name}", args=[referral.pk]), fields
    )

    assert response.status_code == 302
    page = client_for(partner).get(response.url).content.decode()
    assert french("Cette orientation est annulée depuis le 4 mai 2026 : dossier clos.") in page
    assert status_of(referral)[0] == ReferralStatus.CANCELLED


def test_a_cancelled_referral_cannot_be_accepted_by_the_action_either(case_with_referrals):
    case, made = case_with_referrals
    close(case)

    with pytest.raises(JourneyError, match="annulée"):
        referrals.accept(made["sent"], None, today=TODAY)


def test_staff_see_the_cancellation_on_the_case_page(client_for, staff, case_with_referrals):
    case, _ = case_with_referrals
    close(case)

    page = client_for(staff).get(case.get_absolute_url()).content.decode()

    # Both withdrawn referrals are told in the case's story, on the closing day, with the reason.
    assert page.count("Orientation annulée") == 2
    assert page.count('<time datetime="2026-05-04">4 mai 2026</time>') >= 3


def test_the_database_refuses_a_cancellation_without_date_or_reason():
    referral = referrals.refer(SupportCaseFactory(), ServiceFactory(on_offer=True), today=SENT)

    with pytest.raises(IntegrityError):
        Referral.objects.filter(pk=referral.pk).update(status=ReferralStatus.CANCELLED)
