"""The lockout under real concurrency: 40 sign-in attempts at once against a running server.

The server is gunicorn in another process on the test database (tests/live_server.py), SQLite
or PostgreSQL. Every attempt must be counted, one after the other: at most LOGIN_MAX_FAILURES
passwords are checked, the others are refused and recorded, and once the lock holds the right
password is refused too.
"""

import http.client
import re
import threading
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.urls import reverse

from maillage.accounts.models import FailedLogin
from tests.factories import PASSWORD, UserFactory
from tests.live_server import gunicorn

ATTEMPTS = 40
WRONG = "pas-le-bon-mot-de-passe"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(scope="module")
def proxied_server(django_db_setup, tmp_path_factory):
    """gunicorn told that a proxy sets X-Forwarded-For: each client can have its own address."""
    with gunicorn(
        tmp_path_factory.mktemp("gunicorn"), TRUSTED_PROXY_HEADER="X-Forwarded-For"
    ) as port:
        yield port


def _request(port, method, cookie="", body=None, forwarded_for=None):
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
    if forwarded_for:
        headers["X-Forwarded-For"] = forwarded_for
    try:
        client.request(method, reverse("accounts:login"), body, headers)
        response = client.getresponse()
        return response, response.read().decode()
    finally:
        client.close()


def _storm(port, attempts: list[tuple[str, str, str | None]]) -> list[int]:
    """Each client GETs the login form, waits for all the others, then they all sign in."""
    start = threading.Barrier(len(attempts))

    def client(attempt) -> int:
        email, password, address = attempt
        response, page = _request(port, "GET", forwarded_for=address)
        cookie = response.getheader("Set-Cookie").split(";", 1)[0]
        fields = {"csrfmiddlewaretoken": TOKEN.search(page).group(1)}
        body = urllib.parse.urlencode({**fields, "username": email, "password": password})
        start.wait(timeout=120)
        response, _ = _request(port, "POST", cookie, body, forwarded_for=address)
        return response.status

    with ThreadPoolExecutor(max_workers=len(attempts)) as pool:
        return list(pool.map(client, attempts))


def _address(n: int) -> str:
    return f"198.51.100.{n + 1}"


@pytest.mark.django_db(transaction=True)
def test_40_simultaneous_wrong_passwords_from_one_address_are_all_recorded(server):
    user = UserFactory(email="cible@exemple.org")

    statuses = _storm(server, [(user.email, WRONG, None)] * ATTEMPTS)

    assert 302 not in statuses
    assert FailedLogin.objects.for_email(user.email).count() == ATTEMPTS
    # Passwords checked: only as many as the limit; the rest were refused by the lock.
    assert FailedLogin.objects.counted().count() == settings.LOGIN_MAX_FAILURES


@pytest.mark.django_db(transaction=True)
def test_40_simultaneous_wrong_passwords_from_40_addresses_lock_the_account(proxied_server):
    user = UserFactory(email="cible@exemple.org")

    attempts = [(user.email, WRONG, _address(n)) for n in range(ATTEMPTS)]
    statuses = _storm(proxied_server, attempts)

    assert 302 not in statuses
    assert FailedLogin.objects.for_email(user.email).count() == ATTEMPTS
    assert FailedLogin.objects.counted().count() == settings.LOGIN_MAX_FAILURES
    assert FailedLogin.objects.values("ip_address").distinct().count() == ATTEMPTS


@pytest.mark.django_db(transaction=True)
def test_the_right_password_among_40_simultaneous_attempts_is_refused_once_locked(proxied_server):
    user = UserFactory(email="cible@exemple.org")
    for n in range(settings.LOGIN_MAX_FAILURES):
        _storm(proxied_server, [(user.email, WRONG, _address(100 + n))])

    attempts = [(user.email, WRONG, _address(n)) for n in range(ATTEMPTS - 1)]
    statuses = _storm(proxied_server, [*attempts, (user.email, PASSWORD, _address(99))])

    assert statuses == [200] * ATTEMPTS  # nobody signed in, the right password neither
    refused = FailedLogin.objects.for_email(user.email).filter(during_lockout=True)
    assert refused.count() == ATTEMPTS
