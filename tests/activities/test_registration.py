from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from maillage.activities.consent import CONSENT_VERSION
from maillage.activities.enums import RegistrationStatus
from maillage.activities.models import Registration
from maillage.activities.registration import (
    AlreadyRegistered,
    RegistrationRefused,
    cancel,
    register,
)
from tests.activities.factories import ActivityFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def sign_up(activity, email="claire@exemple.org", **kwargs):
    fields = {"name": "Claire Martin", "email": email, "organisation": "", "consent": True}
    return register(activity, **{**fields, **kwargs})


def test_registration_is_confirmed_while_seats_remain_and_records_consent():
    activity = ActivityFactory(capacity=2)

    registration = sign_up(activity)

    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.consent_version == CONSENT_VERSION
    assert registration.consented_at is not None


def test_registration_is_waitlisted_when_activity_is_full():
    activity = ActivityFactory(capacity=1)
    sign_up(activity, "a@exemple.org")

    second = sign_up(activity, "b@exemple.org")
    third = sign_up(activity, "c@exemple.org")

    assert second.status == RegistrationStatus.WAITLISTED
    assert (second.waitlist_position, third.waitlist_position) == (1, 2)


def test_registration_is_refused_when_full_and_there_is_no_waiting_list():
    activity = ActivityFactory(capacity=1, has_waiting_list=False)
    sign_up(activity, "a@exemple.org")

    with pytest.raises(RegistrationRefused, match="complète"):
        sign_up(activity, "b@exemple.org")
    assert activity.registrations.count() == 1


def test_the_same_email_twice_is_answered_with_the_first_registration_for_the_caller():
    activity = ActivityFactory()

    first = sign_up(activity, "Claire@Exemple.org")
    with pytest.raises(AlreadyRegistered) as already:
        sign_up(activity, "claire@exemple.ORG")

    assert already.value.registration.pk == first.pk
    assert activity.registrations.count() == 1


def test_a_full_activity_refuses_alike_whether_the_email_is_registered_or_not():
    activity = ActivityFactory(capacity=1, has_waiting_list=False)
    sign_up(activity, "claire@exemple.org")

    refusals = []
    for email in ("claire@exemple.org", "inconnu@exemple.org"):
        with pytest.raises(RegistrationRefused) as refused:
            sign_up(activity, email)
        refusals.append(str(refused.value))

    assert refusals == ["Cette activité est complète."] * 2


def test_database_refuses_a_second_active_registration_with_the_same_email():
    registration = RegistrationFactory(email="claire@exemple.org")

    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(activity=registration.activity, email="CLAIRE@exemple.org")


def test_a_cancelled_person_can_register_again():
    activity = ActivityFactory()
    first = sign_up(activity)
    cancel(first)

    again = sign_up(activity)

    assert again.pk != first.pk
    assert again.status == RegistrationStatus.CONFIRMED


@pytest.mark.parametrize(
    ("factory_options", "message"),
    [
        ({"private": True}, "pas ouverte"),
        ({"members_only": True}, "adhérents"),
        ({"draft": True}, "pas ouvertes"),
        ({"past": True}, "pas ouvertes"),
        ({"registration_closes_at": timezone.now() - timedelta(hours=1)}, "pas ouvertes"),
        ({"registration_opens_at": timezone.now() + timedelta(days=1)}, "pas ouvertes"),
    ],
)
def test_registration_is_refused_outside_its_window_or_audience(factory_options, message):
    activity = ActivityFactory(**factory_options)

    with pytest.raises(RegistrationRefused, match=message):
        sign_up(activity)
    assert not Registration.objects.exists()


def test_a_member_may_register_to_a_members_only_activity(member):
    activity = ActivityFactory(members_only=True)

    assert sign_up(activity, user=member).user == member


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": "Claire\r\nBcc: victime@exemple.org"}, "une seule ligne"),
        ({"email": "claire@exemple.org\nBcc: x@exemple.org"}, "une seule ligne"),
        ({"email": "pas-une-adresse"}, "pas valide"),
        ({"name": "x" * 151}, "150 caractères"),
        ({"name": "   "}, "obligatoire"),
        ({"consent": False}, "accepter"),
    ],
)
def test_bad_input_is_refused_with_a_french_message_and_nothing_saved(fields, message):
    activity = ActivityFactory()

    with pytest.raises(RegistrationRefused, match=message):
        sign_up(activity, **fields)
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_staff_may_register_someone_without_recorded_consent_even_when_closed():
    activity = ActivityFactory(private=True)

    registration = sign_up(activity, consent=False, by_staff=True)

    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.consent_version == ""


def test_cancelling_a_confirmed_seat_promotes_the_first_on_the_waiting_list(
    django_capture_on_commit_callbacks,
):
    activity = ActivityFactory(capacity=1)
    seated = sign_up(activity, "a@exemple.org")
    first = sign_up(activity, "b@exemple.org")
    sign_up(activity, "c@exemple.org")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        promoted = cancel(seated)

    assert promoted.pk == first.pk
    first.refresh_from_db()
    assert first.status == RegistrationStatus.CONFIRMED
    assert first.waitlist_position is None
    assert [message.to for message in mail.outbox] == [["b@exemple.org"]]
    assert "place s’est libérée" in mail.outbox[0].subject


def test_cancelling_a_waitlisted_registration_promotes_nobody():
    activity = ActivityFactory(capacity=1)
    sign_up(activity, "a@exemple.org")
    waiting = sign_up(activity, "b@exemple.org")

    assert cancel(waiting) is None
    assert activity.registrations.confirmed().count() == 1


def test_cancelling_twice_is_refused():
    registration = sign_up(ActivityFactory())
    cancel(registration)

    with pytest.raises(RegistrationRefused, match="déjà annulée"):
        cancel(registration)
