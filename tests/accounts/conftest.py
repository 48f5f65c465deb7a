from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import PASSWORD


class Clock:
    """A clock the test moves by hand: lockout windows pass without sleeping."""

    def __init__(self):
        self.now = timezone.now()

    def advance(self, **delta):
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(timezone, "now", lambda: clock.now)
    return clock


@pytest.fixture
def sign_in(client):
    """sign_in(email, password=PASSWORD, ip=...) posts the login form and returns the response."""

    def post(email, password=PASSWORD, ip="192.0.2.1", next_url=None):
        url = reverse("accounts:login")
        data = {"username": email, "password": password}
        if next_url is not None:
            data["next"] = next_url
        return client.post(url, data, REMOTE_ADDR=ip)

    return post
