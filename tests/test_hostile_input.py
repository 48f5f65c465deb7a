"""No integer, date or odd input takes a page down: every page, filter and form the roles can
reach, fed hostile values, answers without a server error (no 5xx), on SQLite and PostgreSQL.

The demonstration data is loaded; each role (a visitor, the demo member, partner, staff member
and administrator) follows the site's links from its home pages, and every page found is asked
again with each id in its path made huge, every GET form (the filters) is sent hostile query
strings and every POST form hostile values. A fixed catalogue covers every form once; hypothesis
then mixes values and fields at random. The admin is left out: it is Django's own.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from io import StringIO
from urllib.parse import urlencode, urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.db import DatabaseError, transaction
from django.test import Client
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from maillage.accounts.demo import DEMO_ACCOUNTS
from maillage.accounts.models import User

PAGES_PER_ROUTE = 1  # pages of one route (two activities, two organisations) are alike
SKIPPED = re.compile(r"^/(admin|static|media)/|/deconnexion/")
HUGE = str(10**23)
STARTS = ["/", "/espace-membre/", "/equipe/", "/agenda/", "/annuaire/", "/accompagnement/"]

# Values that broke pages before: ids past any integer column (11 forms and a path on SQLite),
# a date at the calendar's end (the period summary on both databases), deep brackets and odd
# characters in a long text. Without maillage.core.bounded_input, 11 forms and the period
# summary answer 500 here.
CATALOGUE = [
    HUGE,
    "-" + HUGE,
    "9223372036854775808",  # one past the largest 64-bit integer
    "9999-12-31",
    "[" * 2000 + "x" * 5000 + "\x00é\u202e<script>",
]


def hostile_values() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(CATALOGUE),
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
        st.dates().map(lambda day: day.isoformat()),
        st.text(max_size=50),
    )


@dataclass(frozen=True)
class Form:
    action: str
    method: str
    fields: tuple[str, ...]


@dataclass
class Crawl:
    pages: list[str] = field(default_factory=list)
    forms: set[Form] = field(default_factory=set)


class _FormParser(HTMLParser):
    def __init__(self, page: str):
        super().__init__()
        self.page = page
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._open: dict | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append(urljoin(self.page, attributes["href"]))
        elif tag == "form":
            action = urljoin(self.page, attributes.get("action") or self.page)
            method = (attributes.get("method") or "get").lower()
            self._open = {"action": action, "method": method, "fields": []}
        elif tag in ("input", "select", "textarea") and self._open is not None:
            name = attributes.get("name")
            if name and name != "csrfmiddlewaretoken":
                self._open["fields"].append(name)

    def handle_endtag(self, tag):
        if tag == "form" and self._open is not None:
            self._open["fields"] = tuple(dict.fromkeys(self._open["fields"]))
            self.forms.append(Form(**self._open))
            self._open = None


def _local_path(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.netloc not in ("", "testserver") or not parts.path.startswith("/"):
        return None
    if SKIPPED.search(parts.path):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _route(path: str) -> str | None:
    try:
        return resolve(urlsplit(path).path).route
    except Resolver404:
        return None


def _close_file(response) -> None:
    """A file download keeps its file open until read to the end (the test client then ends the
    request without closing the test's database connection, as response.close() would)."""
    if response.streaming:
        b"".join(response.streaming_content)


def crawl(client: Client, starts: list[str]) -> Crawl:
    """Follow the site's links from `starts`, a few pages per route; collect pages and forms."""
    found = Crawl()
    seen: set[str] = set()
    per_route: dict[str, int] = {}
    queue = deque(starts)
    while queue:
        path = queue.popleft()
        route = _route(path)
        if path in seen or route is None or per_route.get(route, 0) >= PAGES_PER_ROUTE:
            continue
        seen.add(path)
        per_route[route] = per_route.get(route, 0) + 1
        response = client.get(path)
        _close_file(response)
        assert response.status_code < 500, path
        found.pages.append(path)
        if "html" not in response.get("Content-Type", ""):
            continue
        parser = _FormParser(path)
        parser.feed(response.content.decode())
        for form in parser.forms:
            action = _local_path(form.action)
            if action is not None and form.fields:
                found.forms.add(Form(action, form.method, form.fields))
        queue.extend(link for link in map(_local_path, parser.links) if link)
    return found


def with_huge_ids(path: str) -> str | None:
    """The same page with every integer of its path made huge; None if it has none."""
    match = resolve(urlsplit(path).path)
    route_ints = [name for name, value in match.kwargs.items() if isinstance(value, int)]
    if not route_ints:
        return None
    kwargs = {**match.kwargs, **dict.fromkeys(route_ints, HUGE)}
    try:
        return reverse(match.view_name, kwargs=kwargs)
    except NoReverseMatch:
        return None


class ServerError(Exception):
    pass


def send(client: Client, method: str, path: str, data: dict | None = None) -> int:
    """One request in a savepoint, so that a failed query does not spoil the ones after it."""
    try:
        with transaction.atomic():
            if method == "post":
                response = client.post(path, data or {})
            else:
                query = urlencode(data or {}, doseq=True)
                response = client.get(f"{path}?{query}" if query else path)
            _close_file(response)
            if response.status_code >= 500:
                raise ServerError(f"{response.status_code} {method.upper()} {path} {data!r:.300}")
    except DatabaseError as error:
        raise ServerError(f"{error!r} {method.upper()} {path} {data!r:.300}") from error
    return response.status_code


def _clients() -> dict[str, Client]:
    clients = {"visiteur": Client(raise_request_exception=False)}
    for account in DEMO_ACCOUNTS:
        client = Client(raise_request_exception=False)
        client.force_login(User.objects.get(email=account.email))
        clients[account.role.value] = client
    return clients


@pytest.fixture
def demo(db):
    call_command("load_hub", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())


def test_no_page_filter_or_form_answers_a_server_error_to_hostile_input(demo):
    failures: list[str] = []
    targets: list[tuple[str, Form]] = []
    for role, client in _clients().items():
        found = crawl(client, STARTS)
        for page in found.pages:
            huge = with_huge_ids(page)
            if huge is not None:
                _record(failures, role, lambda c=client, h=huge: send(c, "get", h))
        for form in sorted(found.forms, key=lambda form: (form.action, form.method)):
            targets.append((role, form))
            for value in CATALOGUE:
                data = dict.fromkeys(form.fields, value)
                _record(
                    failures, role, lambda c=client, f=form, d=data: send(c, f.method, f.action, d)
                )
    assert not failures, "\n".join(failures)
    _mix_at_random(targets)


def _record(failures: list[str], role: str, request) -> None:
    try:
        request()
    except ServerError as error:
        failures.append(f"{role}: {error}")


def _mix_at_random(targets: list[tuple[str, Form]]) -> None:
    clients = _clients()

    @hypothesis_settings(
        max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(st.sampled_from(targets), st.data())
    def any_form_any_values(target, data):
        role, form = target
        values = {
            name: data.draw(st.one_of(hostile_values(), st.lists(hostile_values(), max_size=3)))
            for name in form.fields
        }
        send(clients[role], form.method, form.action, values)

    any_form_any_values()
