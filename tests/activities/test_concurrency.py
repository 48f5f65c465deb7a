"""Capacity under real concurrency: 200 clients at once against a running server.

The server is gunicorn in another process (two workers, eight threads each) on the test
database, whichever the suite runs on (SQLite or PostgreSQL): see tests/live_server.py. The
same storms against a server whose `register` has no lock and no transaction
(tests/activities/unlocked_wsgi.py) overbook by themselves: nothing in the test forces the
race, the clients only submit at the same moment. That is what the row lock prevents.
"""

import http.client
import re
import threading
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db.models import Count
from django.db.models.functions import Lower

from maillage.activities.models import Activity
from tests.activities.factories import ActivityFactory
from tests.live_server import gunicorn

CLIENTS = 200
SEATS = 20
RUNS = 5
RACERS = 8  # clients racing for each single-seat activity
NAIVE_STORMS = 10  # measured: about 1 overbooked activity per storm on SQLite, 5 on PostgreSQL
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


def _storm(port: int, attempts: list[tuple[str, str]]) -> list[int]:
    """Every client (an activity's slug, an e-mail) fetches the form, waits for all the others,
    then they all submit."""
    start = threading.Barrier(len(attempts))

    def client(n: int) -> int:
        slug, email = attempts[n]
        cookie, token = _form(port, slug, _address(n))
        start.wait(timeout=120)
        return _post(port, slug, cookie, token, email, _address(n))

    with ThreadPoolExecutor(max_workers=len(attempts)) as pool:
        return list(pool.map(client, range(len(attempts))))


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

    statuses = _storm(server, [(activity.slug, email) for email in emails])

    assert statuses == [302] * CLIENTS
    registrations = activity.registrations
    positions = sorted(registrations.waitlisted().values_list("waitlist_position", flat=True))
    # Seats and ranks in one comparison, so that a broken lock shows in both.
    assert (registrations.confirmed().count(), positions) == (
        SEATS,
        list(range(1, CLIENTS - SEATS + 1)),
    )
    _assert_nobody_twice(activity)


@pytest.mark.django_db(transaction=True)
def test_the_same_people_submitting_twice_at_once_are_registered_once(server):
    activity = ActivityFactory(capacity=SEATS, slug="double-envoi")
    people = [f"double{n}@exemple.org" for n in range(40)]

    twice = people + [p.upper() for p in people]
    statuses = _storm(server, [(activity.slug, email) for email in twice])

    assert statuses == [302] * 80
    assert activity.registrations.count() == 40
    assert activity.registrations.confirmed().count() == SEATS
    _assert_nobody_twice(activity)


def _last_seat_storm(port: int, label: str) -> list[Activity]:
    """25 activities of one seat, 8 clients racing for each, all 200 at once: every activity's
    seat is the last one, so each is a chance for an unguarded count to be read stale."""
    activities = [
        ActivityFactory(capacity=1, slug=f"{label}-{n}") for n in range(CLIENTS // RACERS)
    ]
    attempts = [
        (activity.slug, f"racer{n}.{activity.slug}@exemple.org")
        for n in range(RACERS)
        for activity in activities
    ]
    statuses = _storm(port, attempts)
    assert statuses == [302] * CLIENTS
    return activities


def _overbooked(activities: list[Activity]) -> list[str]:
    return [a.slug for a in activities if a.registrations.confirmed().count() > a.capacity]


def _ranks_broken(activities: list[Activity]) -> list[str]:
    broken = []
    for activity in activities:
        ranks = sorted(
            activity.registrations.waitlisted().values_list("waitlist_position", flat=True)
        )
        if ranks != list(range(1, activity.registrations.waitlisted().count() + 1)):
            broken.append(activity.slug)
    return broken


@pytest.mark.django_db(transaction=True)
def test_clients_racing_for_the_last_seat_of_25_activities_never_overbook(server):
    activities = _last_seat_storm(server, "dernier-siege")

    # Both checks in one comparison: a broken lock shows in the seats and in the ranks.
    found = {"surréservées": _overbooked(activities), "rangs cassés": _ranks_broken(activities)}
    assert found == {"surréservées": [], "rangs cassés": []}
    for activity in activities:
        assert activity.registrations.confirmed().count() == 1
        assert activity.registrations.waitlisted().count() == RACERS - 1


@pytest.fixture(scope="module")
def unlocked_server(django_db_setup, tmp_path_factory):
    """gunicorn serving the site with `register` stripped of its lock and transaction."""
    log_dir = tmp_path_factory.mktemp("gunicorn-sans-verrou")
    with gunicorn(log_dir, app="tests.activities.unlocked_wsgi:application") as port:
        yield port


@pytest.mark.django_db(transaction=True)
def test_without_the_lock_the_same_storm_overbooks_by_itself(unlocked_server):
    """Honest: clients only submit together, nothing holds a thread between count and insert.
    Each storm gives 25 chances; up to NAIVE_STORMS storms are run until one overbooks."""
    overbooked, broken_ranks = [], []
    for storm in range(NAIVE_STORMS):
        activities = _last_seat_storm(unlocked_server, f"sans-verrou-{storm}")
        overbooked += _overbooked(activities)
        broken_ranks += _ranks_broken(activities)
        if overbooked and broken_ranks:
            break

    assert overbooked, "sans verrou, aucune activité n’a été surréservée"
    assert broken_ranks, "sans verrou, les rangs d’attente sont restés continus"
