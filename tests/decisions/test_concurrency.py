"""One voice per voter under real concurrency: 300 attempts by 50 voters at once.

The server is gunicorn in another process (see tests/live_server.py) on the
test database, SQLite or PostgreSQL. Every voter submits six times, changing their mind, all at
once with the 49 others: 50 voices must remain, each the update of one row. A second storm
skips the application and inserts straight into the table from 300 threads: the unique
constraint alone keeps one voice per voter.
"""

import http.client
import re
import threading
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import IntegrityError, OperationalError, connection
from django.test import Client

from maillage.network.decisions.enums import Choice
from maillage.network.decisions.models import Vote
from tests.decisions.factories import ProposalFactory, member_organisation, representative
from tests.factories import UserFactory
from tests.working_groups.factories import GroupMemberFactory, WorkingGroupFactory

VOTERS = 50
ATTEMPTS = 6
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _session(user) -> str:
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}"


def _request(port: int, method: str, path: str, cookie: str, body: str = "") -> tuple:
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
    try:
        client.request(method, path, body or None, headers)
        response = client.getresponse()
        return response, response.read().decode()
    finally:
        client.close()


def _attempt(port: int, proposal, cookie: str, fields: dict, start: threading.Barrier) -> int:
    """As a browser: GET the page (CSRF cookie and token), wait for everyone, POST the voice."""
    response, page = _request(port, "GET", f"/decisions/{proposal.pk}/", cookie)
    csrf = response.getheader("Set-Cookie").split(";", 1)[0]
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": TOKEN.search(page).group(1), **fields})
    start.wait(timeout=120)
    response, _ = _request(
        port, "POST", f"/decisions/{proposal.pk}/voter/", f"{cookie}; {csrf}", body
    )
    return response.status


def _organisation_voters(proposal) -> list[tuple[str, dict]]:
    voters = []
    for _ in range(VOTERS):
        organisation = member_organisation()
        voters.append((_session(representative(organisation)), {"voter": organisation.pk}))
    return voters


def _group_voters(proposal) -> list[tuple[str, dict]]:
    voters = []
    for _ in range(VOTERS):
        user = UserFactory(current_member=True)
        GroupMemberFactory(group=proposal.group, person=user.person)
        voters.append((_session(user), {}))
    return voters


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("scope", ["organisation", "person"])
def test_300_simultaneous_attempts_by_50_voters_leave_exactly_50_voices(server, scope):
    if scope == "organisation":
        proposal = ProposalFactory(per_organisation=True, vote=True, options=["Pour", "Contre"])
        voters = _organisation_voters(proposal)
    else:
        proposal = ProposalFactory(
            group=WorkingGroupFactory(), vote=True, options=["Pour", "Contre"]
        )
        voters = _group_voters(proposal)
    options = [f"option-{pk}" for pk in proposal.options.values_list("pk", flat=True)]
    attempts = [
        (cookie, {**fields, "position": options[n % 2]})
        for n in range(ATTEMPTS)
        for cookie, fields in voters
    ]
    start = threading.Barrier(len(attempts))

    with ThreadPoolExecutor(max_workers=len(attempts)) as pool:
        statuses = list(pool.map(lambda a: _attempt(server, proposal, a[0], a[1], start), attempts))

    assert statuses == [302] * VOTERS * ATTEMPTS
    votes = Vote.objects.filter(proposal=proposal)
    assert votes.count() == VOTERS
    # Every attempt landed: one insert and five updates of each voter's row.
    assert sorted(votes.values_list("changed_count", flat=True)) == [ATTEMPTS - 1] * VOTERS


def _insert_waiting_for_sqlite(proposal, organisation) -> bool:
    """True if this insert made the voice; SQLite's busy timeout is not a refusal: retry."""
    while True:
        try:
            Vote.objects.create(proposal=proposal, legal_unit=organisation, choice=Choice.CONSENT)
            return True
        except IntegrityError:
            return False
        except OperationalError as error:
            if "database is locked" not in str(error):
                raise


@pytest.mark.django_db(transaction=True)
def test_the_unique_constraint_alone_keeps_one_voice_per_voter_under_300_inserts():
    proposal = ProposalFactory(per_organisation=True)
    organisations = [member_organisation() for _ in range(VOTERS)]
    # Waves of 50 simultaneous inserts (a cyclic barrier), six times: 300 attempts without
    # asking PostgreSQL for more connections than its default limit of 100.
    start = threading.Barrier(VOTERS)

    def insert(organisation) -> bool:
        start.wait(timeout=120)
        try:
            return _insert_waiting_for_sqlite(proposal, organisation)
        finally:
            connection.close()  # each thread has its own connection

    with ThreadPoolExecutor(max_workers=VOTERS) as pool:
        # Each voter's attempts side by side, so every wave races them against each other.
        attempts = [organisation for organisation in organisations for _ in range(ATTEMPTS)]
        inserted = list(pool.map(insert, attempts))

    assert sum(inserted) == VOTERS
    assert Vote.objects.filter(proposal=proposal).count() == VOTERS
