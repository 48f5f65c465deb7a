"""Helpers the browser tests share: a signed-in page, and the axe audit of serious issues."""

from django.conf import settings
from django.test import Client

from tests.browser.conftest import AXE_SCRIPT

SERIOUS = {"serious", "critical"}


def signed_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )
    return page


def assert_no_serious_axe_violations(page):
    page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    serious = [v for v in results["violations"] if v["impact"] in SERIOUS]
    assert not serious, [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in serious]
