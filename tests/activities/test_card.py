"""An agenda card's last line: the place, then the price, with no orphan separator."""

import re

import pytest

from tests.activities.factories import ActivityFactory

pytestmark = pytest.mark.django_db

PLACE_LINE = re.compile(r'<p class="muted">(.*?)</p>', re.S)


def _place_line(client, **fields) -> str:
    ActivityFactory(title="Atelier", **fields)
    [line] = PLACE_LINE.findall(client.get("/agenda/").content.decode())
    return line


def test_without_a_commune_the_price_stands_alone(client):
    assert _place_line(client) == "Gratuit"


def test_online_then_the_price(client):
    assert _place_line(client, online_url="https://visio.exemple.org/a") == "En ligne · Gratuit"
