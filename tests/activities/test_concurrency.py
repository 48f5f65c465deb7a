"""Capacity under real concurrency: 200 clients at once against a running server, 20 seats.

The server is gunicorn in another process (two workers, eight threads each) on the test
database, whichever the suite runs on (SQLite or PostgreSQL). A naive count-then-insert, run
the same way from many threads, overbooks: that is what the row lock in `register` prevents.
"""

import http.client
import re
import threading
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.db.models import Count
from django.db.models.functions import Lower

from maillage.activities.enums import RegistrationStatus
from maillage.activities.models import Activity, Registration
from tests.activities.factories import ActivityFactory

CLIENTS = 200
SEATS = 20
RUNS = 5
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _address(n: int) -> tuple[str, int]:
    """Client n's own loopback address: distinct visitors, each within the form's rate limit."""
    return (f"127.0.{1 + n // 250}.{1 + n % 250}", 0)


def _form(port: int, slug: str, source: tuple[str, int]) -> tuple[str, str]:
    """GET the activity page: the CSRF cookie and the form's token, as a browser would."""
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=60, source_address=source)
    try:
        client.request("GET", f"/agenda/{slug}/")
        response = client.getresponse()
        body = response.read().decode()
    finally:
        client.close()
    cookie = response.getheader("Set-Cookie").split(";", 1)[0]
    return cookie, TOKEN.search(body).group(1)


def _post(port: int, slug: str, cookie: str, token: str, email: str, source) -> int:
    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "name": "Personne Test", "email": email, "consent": "on"}
    )
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=120, source_address=source)
    headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
    try:
        client.request("POST", f"/agenda/{slug}/inscription/", body, headers)
        response = client.getresponse()
        response.read()
    finally:
        client.close()
    return response.status


def _storm(port: int, slug: str, emails: list[str]) -> list[int]:
    """Every client fetches the form, waits for all the others, then they all submit."""
    start = threading.Barrier(len(emails))

    def client(n: int) -> int:
        cookie, token = _form(port, slug, _address(n))
        start.wait(timeout=120)
        return _post(port, slug, cookie, token, emails[n], _address(n))

    with ThreadPoolExecutor(max_workers=len(emails)) as pool:
        return list(pool.map(client, range(len(emails))))


def _assert_nobody_twice(activity: Activity) -> None:
    twice = (
        activity.registrations.active()
        .values(email_key=Lower("email"))
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
    )
    assert not twice.exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("run", range(RUNS))
def test_200_simultaneous_registrations_fill_exactly_the_20_seats(server, run):
    activity = ActivityFactory(capacity=SEATS, slug=f"tempete-{run}")
    emails = [f"client{n}.run{run}@exemple.org" for n in range(CLIENTS)]

    statuses = _storm(server, activity.slug, emails)

    assert statuses == [302] * CLIENTS
    registrations = activity.registrations
    assert registrations.confirmed().count() == SEATS
    assert registrations.waitlisted().count() == CLIENTS - SEATS
    positions = sorted(registrations.waitlisted().values_list("waitlist_position", flat=True))
    assert positions == list(range(1, CLIENTS - SEATS + 1))
    _assert_nobody_twice(activity)


@pytest.mark.django_db(transaction=True)
def test_the_same_people_submitting_twice_at_once_are_registered_once(server):
    activity = ActivityFactory(capacity=SEATS, slug="double-envoi")
    people = [f"double{n}@exemple.org" for n in range(40)]

    statuses = _storm(server, activity.slug, people + [p.upper() for p in people])

    assert statuses == [302] * 80
    assert activity.registrations.count() == 40
    assert activity.registrations.confirmed().count() == SEATS
    _assert_nobody_twice(activity)


def register_naive(activity: Activity, email: str, ready: threading.Barrier) -> None:
    """What `register` would be without the lock: count the seats, then insert."""
    confirmed = Registration.objects.filter(
        activity=activity, status=RegistrationStatus.CONFIRMED
    ).count()
    ready.wait(timeout=60)  # every client has counted before anyone inserts: they interleave
    status = (
        RegistrationStatus.CONFIRMED
        if confirmed < activity.capacity
        else RegistrationStatus.WAITLISTED
    )
    Registration.objects.create(activity=activity, name="Naïf", email=email, status=status)


def _naive_storm(activity: Activity, clients: int) -> None:
    ready = threading.Barrier(clients)

    def client(n: int) -> None:
        try:
            register_naive(activity, f"naif{n}@exemple.org", ready)
        finally:
            connection.close()  # each thread has its own connection

    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(client, range(clients)))


@pytest.mark.django_db(transaction=True)
def test_a_naive_count_then_insert_overbooks_under_the_same_load():
    overbooked_runs = 0
    for run in range(RUNS):
        activity = ActivityFactory(capacity=SEATS, slug=f"naif-{run}")
        _naive_storm(activity, 50)
        if activity.registrations.confirmed().count() > SEATS:
            overbooked_runs += 1

    assert overbooked_runs >= 1
