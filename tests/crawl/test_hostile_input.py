"""No integer, date or odd input takes a page down: every page, filter and form the roles can
reach, fed hostile values, answers without a server error (no 5xx), on SQLite and PostgreSQL.

The demonstration data is loaded; each role (a visitor, the demo member, partner, staff member
and administrator) follows the site's links from its home pages, and every page found is asked
again with each id in its path made huge, every GET form (the filters) is sent hostile query
strings and every POST form hostile values. A fixed catalogue covers every form once; hypothesis
then mixes values and fields at random. The admin is left out: it is Django's own.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from django.db import DatabaseError, transaction
from django.test import Client
from django.urls import NoReverseMatch, resolve, reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.crawl.conftest import SHARED
from tests.crawler import Form, close_file

pytestmark = SHARED

HUGE = str(10**23)

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
            close_file(response)
            if response.status_code >= 500:
                raise ServerError(f"{response.status_code} {method.upper()} {path} {data!r:.300}")
    except DatabaseError as error:
        raise ServerError(f"{error!r} {method.upper()} {path} {data!r:.300}") from error
    return response.status_code


def test_no_page_filter_or_form_answers_a_server_error_to_hostile_input(crawled_demo):
    failures: list[str] = []
    targets: list[tuple[str, Form]] = []
    for role, client in crawled_demo.clients.items():
        found = crawled_demo.crawls[role]
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
    _mix_at_random(crawled_demo.clients, targets)


def _record(failures: list[str], role: str, request) -> None:
    try:
        request()
    except ServerError as error:
        failures.append(f"{role}: {error}")


def _mix_at_random(clients: dict[str, Client], targets: list[tuple[str, Form]]) -> None:
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
