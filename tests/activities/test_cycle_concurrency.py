"""Whole-cycle registrations under real concurrency, against gunicorn (tests/live_server.py):
clients registering to every session at once, racing clients registering to one session, and
people sending the cycle form twice at the same moment. Every session's seats hold, each
waiting list keeps its ranks 1, 2, 3…, nobody holds a date twice, and each cycle client holds
every date under one cycle key."""

import http.client
import threading
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.utils import timezone

from maillage.activities.models import Registration, Series
from tests.activities.factories import ActivityFactory
from tests.activities.test_concurrency import _address, _assert_nobody_twice, _form

CAPACITIES = (10, 4, 25)


def _cycle(label: str):
    series = Series.objects.create(title=f"Cycle {label}", slug=f"cycle-{label}")
    start = timezone.now() + timedelta(days=7)
    return [
        ActivityFactory(
            series=series,
            slug=f"{label}-seance-{n}",
            capacity=capacity,
            starts_at=start + timedelta(weeks=n),
            ends_at=start + timedelta(weeks=n, hours=3),
        )
        for n, capacity in enumerate(CAPACITIES)
    ]


def _post(port, slug, cookie, token, fields, source) -> int:
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields})
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=120, source_address=source)
    headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
    try:
        client.request("POST", f"/agenda/{slug}/inscription/", body, headers)
        response = client.getresponse()
        response.read()
    finally:
        client.close()
    return response.status


def _storm(port: int, attempts: list[tuple[str, dict]]) -> list[int]:
    """Each client (a session's slug, its form fields) fetches the form; all submit together."""
    start = threading.Barrier(len(attempts))

    def client(n: int) -> int:
        slug, fields = attempts[n]
        cookie, token = _form(port, slug, _address(n))
        start.wait(timeout=120)
        return _post(port, slug, cookie, token, fields, _address(n))

    with ThreadPoolExecutor(max_workers=len(attempts)) as pool:
        return list(pool.map(client, range(len(attempts))))


def _fields(email: str, *, whole_cycle: bool) -> dict:
    fields = {"name": "Personne Test", "email": email, "consent": "on"}
    return {**fields, "whole_cycle": "on"} if whole_cycle else fields


def _seats_and_ranks(sessions) -> list[tuple[int, list[int]]]:
    found = []
    for session in sessions:
        ranks = sorted(
            session.registrations.waitlisted().values_list("waitlist_position", flat=True)
        )
        found.append((session.registrations.confirmed().count(), ranks))
    return found


@pytest.mark.django_db(transaction=True)
def test_simultaneous_cycle_and_single_registrations_fill_every_session_exactly(server):
    sessions = _cycle("tempete")
    cycle_people = [f"cycle{n}@exemple.org" for n in range(40)]
    single_people = [f"seul{n}@exemple.org" for n in range(20)]
    attempts = [(sessions[0].slug, _fields(email, whole_cycle=True)) for email in cycle_people]
    attempts += [(sessions[1].slug, _fields(email, whole_cycle=False)) for email in single_people]

    statuses = _storm(server, attempts)

    assert statuses == [302] * len(attempts)
    demand = (40, 60, 40)
    assert _seats_and_ranks(sessions) == [
        (capacity, list(range(1, wanted - capacity + 1)))
        for capacity, wanted in zip(CAPACITIES, demand, strict=True)
    ]
    for session in sessions:
        _assert_nobody_twice(session)
    for email in cycle_people:
        held = Registration.objects.filter(email=email)
        assert sorted(held.values_list("activity__slug", flat=True)) == [s.slug for s in sessions]
        assert len(set(held.values_list("cycle_key", flat=True))) == 1


@pytest.mark.django_db(transaction=True)
def test_the_cycle_form_sent_twice_at_once_registers_each_person_once_per_date(server):
    sessions = _cycle("double")
    people = [f"double{n}@exemple.org" for n in range(20)]
    twice = people + [email.upper() for email in people]
    attempts = [(sessions[n % 3].slug, _fields(e, whole_cycle=True)) for n, e in enumerate(twice)]

    statuses = _storm(server, attempts)

    assert statuses == [302] * len(attempts)
    for session in sessions:
        assert session.registrations.count() == 20
        _assert_nobody_twice(session)
    assert [confirmed for confirmed, _ in _seats_and_ranks(sessions)] == [10, 4, 20]
