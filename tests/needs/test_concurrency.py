"""Supports under real concurrency: people clicking « Je soutiens » at the same instant, some
twice, against a running server (gunicorn in another process, two workers of eight threads, on
the test database: tests/live_server.py). The count must be exactly one per person: the unique
constraint decides, whatever the order the requests arrive in."""

import http.client
import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.test import Client

from tests.factories import UserFactory
from tests.needs.factories import NeedFactory

PEOPLE = 60
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _session(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def _request(port: int, method: str, path: str, headers: dict, body: str = ""):
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        client.request(method, path, body or None, headers)
        response = client.getresponse()
        return response, response.read().decode()
    finally:
        client.close()


def _form(port: int, path: str, session: str) -> tuple[str, str]:
    """GET the need's page signed in: the CSRF cookie and the support form's token."""
    headers = {"Cookie": f"{settings.SESSION_COOKIE_NAME}={session}"}
    response, body = _request(port, "GET", path, headers)
    csrf = response.getheader("Set-Cookie").split(";", 1)[0]
    return f"{headers['Cookie']}; {csrf}", TOKEN.search(body).group(1)


def _storm(port: int, need, sessions: list[str]) -> list[int]:
    start = threading.Barrier(len(sessions))
    path = need.get_absolute_url()

    def client(n: int) -> int:
        cookie, token = _form(port, path, sessions[n])
        start.wait(timeout=120)
        headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
        body = f"csrfmiddlewaretoken={token}"
        response, _ = _request(port, "POST", f"{path}soutenir/", headers, body)
        return response.status

    with ThreadPoolExecutor(max_workers=len(sessions)) as pool:
        return list(pool.map(client, range(len(sessions))))


@pytest.mark.django_db(transaction=True)
def test_people_clicking_at_once_some_twice_are_each_counted_once(server):
    need = NeedFactory()
    people = UserFactory.create_batch(PEOPLE)
    sessions = [_session(person) for person in people]
    # A third of them click twice, in two tabs: both requests race with everyone else's.
    twice = sessions + sessions[: PEOPLE // 3]

    statuses = _storm(server, need, twice)

    assert statuses == [302] * len(twice)
    assert need.supports.count() == PEOPLE
    assert set(need.supports.values_list("user", flat=True)) == {p.pk for p in people}
    page = Client().get(need.get_absolute_url()).content.decode()
    assert f"{PEOPLE} personnes" in page
