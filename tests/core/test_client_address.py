"""The visitor's address comes from REMOTE_ADDR, or from the proxies' header when configured."""

import pytest
from django.test import RequestFactory

from maillage.core.client_address import client_address

VISITOR = "203.0.113.7"
PROXY = "10.0.0.2"


def request(remote_addr=PROXY, **headers):
    return RequestFactory().get("/", REMOTE_ADDR=remote_addr, **headers)


def test_without_configuration_a_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_HEADER = ""
    spoofed = request(
        remote_addr=VISITOR, HTTP_X_FORWARDED_FOR="192.0.2.1", HTTP_X_REAL_IP="1.1.1.1"
    )
    assert client_address(spoofed) == VISITOR


def test_one_proxy_gives_the_address_it_appended(settings):
    settings.TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    settings.TRUSTED_PROXY_COUNT = 1
    # The visitor wrote « 192.0.2.1 » himself; nginx appended the address it saw.
    forged = request(HTTP_X_FORWARDED_FOR=f"192.0.2.1, {VISITOR}")
    assert client_address(forged) == VISITOR


def test_two_proxies_give_the_address_the_first_one_appended(settings):
    settings.TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    settings.TRUSTED_PROXY_COUNT = 2
    chain = request(HTTP_X_FORWARDED_FOR=f"192.0.2.1, {VISITOR}, 10.0.0.1")
    assert client_address(chain) == VISITOR


def test_another_configured_header_is_read_by_its_name(settings):
    settings.TRUSTED_PROXY_HEADER = "X-Real-IP"
    assert client_address(request(HTTP_X_REAL_IP=VISITOR)) == VISITOR


@pytest.mark.parametrize("value", ["", "pas-une-adresse", " , "])
def test_a_missing_or_malformed_header_falls_back_to_the_peer(settings, value):
    settings.TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    assert client_address(request(HTTP_X_FORWARDED_FOR=value)) == PROXY


def test_no_request_has_no_address():
    assert client_address(None) is None
