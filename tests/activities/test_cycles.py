"""Registering to a whole cycle at once: one registration per date, a seat or that date's
waiting list, exactly once per date, written whole or not at all, one e-mail with every
session, and a personal page that shows, calendars and cancels the cycle."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from maillage.activities.cycles import (
    cancel_cycle,
    register_to_cycle,
    registrations_of_cycle,
)
from maillage.activities.enums import RegistrationStatus
from maillage.activities.models import Registration, Series
from maillage.activities.registration import AlreadyRegistered, RegistrationRefused, register
from tests.activities.factories import ActivityFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _cycle(*capacities, **session_fields):
    """A cycle whose sessions are a week apart, with these capacities."""
    series = Series.objects.create(title="Créer son association", slug="creer-son-association")
    start = timezone.now() + timedelta(days=7)
    sessions = [
        ActivityFactory(
            series=series,
            title=f"Séance {n + 1}",
            capacity=capacity,
            starts_at=start + timedelta(weeks=n),
            ends_at=start + timedelta(weeks=n, hours=3),
            **session_fields,
        )
        for n, capacity in enumerate(capacities)
    ]
    return series, sessions


def _join(series, email="claire@exemple.org", **kwargs):
    fields = {"name": "Claire Martin", "email": email, "organisation": "", "consent": True}
    return register_to_cycle(series, **{**fields, **kwargs})


def _statuses(registrations):
    return [(each.activity.title, each.status, each.waitlist_position) for each in registrations]


def test_one_submit_registers_to_every_session_with_a_seat_or_that_dates_waiting_list():
    series, (_first, second, _third) = _cycle(5, 1, 5)
    RegistrationFactory(activity=second)

    registrations = _join(series)

    assert _statuses(registrations) == [
        ("Séance 1", RegistrationStatus.CONFIRMED, None),
        ("Séance 2", RegistrationStatus.WAITLISTED, 1),
        ("Séance 3", RegistrationStatus.CONFIRMED, None),
    ]
    assert len({each.cycle_key for each in registrations}) == 1


def test_a_date_already_held_is_kept_and_not_registered_twice():
    series, (first, second) = _cycle(5, 5)
    single = register(first, name="Claire", email="claire@exemple.org", consent=True)

    registrations = _join(series, email="CLAIRE@exemple.org")

    assert [each.activity for each in registrations] == [second]
    assert first.registrations.active().count() == 1
    assert Registration.objects.get(pk=single.pk).cycle_key == ""


def test_the_same_address_again_is_answered_as_already_registered():
    series, _ = _cycle(5, 5)
    _join(series)

    with pytest.raises(AlreadyRegistered):
        _join(series)
    assert Registration.objects.count() == 2


def test_sessions_past_or_closed_are_left_out():
    series, (held, closed, open_) = _cycle(5, 5, 5)
    held.starts_at = timezone.now() - timedelta(days=1)
    held.ends_at = held.starts_at + timedelta(hours=3)
    held.save()
    closed.registration_closes_at = timezone.now() - timedelta(hours=1)
    closed.registration_opens_at = timezone.now() - timedelta(days=2)
    closed.save()

    registrations = _join(series)

    assert [each.activity for each in registrations] == [open_]


def test_a_full_session_without_waiting_list_refuses_the_whole_cycle_and_writes_nothing():
    series, (first, second) = _cycle(5, 1)
    second.has_waiting_list = False
    second.save()
    RegistrationFactory(activity=second)

    with pytest.raises(RegistrationRefused, match="complète"):
        _join(series)
    assert not first.registrations.exists()


def test_members_only_sessions_are_left_out_for_a_visitor():
    series, (public, members) = _cycle(5, 5)
    members.visibility = "members"
    members.save()

    registrations = _join(series)

    assert [each.activity for each in registrations] == [public]


def test_one_email_lists_every_session_with_its_seat_or_rank_and_a_calendar_of_the_seats(
    django_capture_on_commit_callbacks,
):
    series, (first, second) = _cycle(5, 1)
    RegistrationFactory(activity=second)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        _join(series)

    assert [message.to for message in mail.outbox] == [["claire@exemple.org"]]
    message = mail.outbox[0]
    assert message.subject == "Inscription au cycle : Créer son association"
    assert "Séance 1\n  Place confirmée." in message.body
    assert "Séance 2\n  Complet : vous êtes sur la liste d’attente (rang 1)." in message.body
    ((name, calendar, _),) = message.attachments
    assert name == "cycle.ics"
    assert calendar.count("BEGIN:VEVENT") == 1  # the seat, not the waiting list
    assert f"UID:activite-{first.pk}@" in calendar


def test_cancelling_the_cycle_cancels_the_sessions_to_come_and_promotes_each_waiting_list():
    series, (first, second) = _cycle(1, 1)
    registrations = _join(series)
    waiting = [
        register(session, name="Léa", email="lea@exemple.org", consent=True)
        for session in (first, second)
    ]

    promoted = cancel_cycle(registrations[0])

    assert {each.pk for each in promoted} == {each.pk for each in waiting}
    assert all(each.is_cancelled for each in registrations_of_cycle(registrations[0]))
    assert first.registrations.confirmed().get().email == "lea@exemple.org"


def test_cancelling_the_cycle_keeps_the_sessions_already_held():
    series, (held, _coming) = _cycle(5, 5)
    registrations = _join(series)
    held.starts_at = timezone.now() - timedelta(hours=4)
    held.ends_at = timezone.now() - timedelta(hours=1)
    held.save()

    cancel_cycle(registrations[0])

    assert _statuses(registrations_of_cycle(registrations[0])) == [
        ("Séance 1", RegistrationStatus.CONFIRMED, None),
        ("Séance 2", RegistrationStatus.CANCELLED, None),
    ]


def test_the_form_offers_the_whole_cycle_and_registers_to_it(client):
    _series, (first, second, third) = _cycle(5, 5, 5)

    page = client.get(first.get_absolute_url())
    assert "M’inscrire aux 3 séances à venir du cycle, en une fois" in page.content.decode()

    response = client.post(
        reverse("activities:register", args=[second.slug]),
        {"name": "Claire", "email": "claire@exemple.org", "consent": "on", "whole_cycle": "on"},
    )

    assert response.status_code == 302
    registered = Registration.objects.filter(email="claire@exemple.org")
    assert {each.activity for each in registered} == {first, second, third}


def test_without_the_box_ticked_only_the_session_is_registered(client):
    _series, (_first, second) = _cycle(5, 5)

    client.post(
        reverse("activities:register", args=[second.slug]),
        {"name": "Claire", "email": "claire@exemple.org", "consent": "on"},
    )

    assert [each.activity for each in Registration.objects.all()] == [second]


def test_a_session_alone_in_its_cycle_offers_no_whole_cycle_box(client):
    _series, (only,) = _cycle(5)

    page = client.get(only.get_absolute_url())

    assert "whole_cycle" not in page.content.decode()


def test_the_personal_page_shows_each_date_and_cancels_the_whole_cycle(client):
    series, (_first, second) = _cycle(5, 1)
    RegistrationFactory(activity=second)
    registrations = _join(series)
    token = registrations[0].token

    page = client.get(reverse("activities:registration", args=[token])).content.decode()
    assert page.count("data-maillage-cycle-session") == 2
    assert "Liste d’attente (rang 1)" in page
    assert "Annuler tout le cycle ou cette séance" in page

    client.post(reverse("activities:cancel", args=[token]), {"whole_cycle": "1"})

    assert all(each.is_cancelled for each in registrations_of_cycle(registrations[0]))


def test_cancelling_one_session_of_a_cycle_keeps_the_others(client):
    series, _ = _cycle(5, 5)
    first, _second = _join(series)

    client.post(reverse("activities:cancel", args=[first.token]))

    assert _statuses(registrations_of_cycle(first)) == [
        ("Séance 1", RegistrationStatus.CANCELLED, None),
        ("Séance 2", RegistrationStatus.CONFIRMED, None),
    ]


def test_the_cycle_calendar_holds_every_confirmed_session_with_the_meeting_link(client):
    series, sessions = _cycle(5, 5, 5, online_url="https://visio.exemple.org/cycle")
    registrations = _join(series)

    response = client.get(reverse("activities:cycle_calendar", args=[registrations[1].token]))

    body = response.content.decode()
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert [f"UID:activite-{s.pk}@" in body for s in sessions] == [True, True, True]
    assert "visio.exemple.org/cycle" in body
    assert "X-WR-CALNAME:Créer son association" in body


def test_a_single_registration_has_no_cycle_calendar(client):
    registration = RegistrationFactory()

    response = client.get(reverse("activities:cycle_calendar", args=[registration.token]))

    assert response.status_code == 404
