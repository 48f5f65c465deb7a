"""The records the scale test's load needs, made in its fresh database after the first
installation: the activity of 20 seats, an open proposal with its voters signed in, and a staff
member signed in to upload the import. Run on the platform's settings:
`python -m tests.scale.fixtures <file>`; writes the ids and session cookies to <file> (JSON)."""

from __future__ import annotations

import json
import sys

import django

SEATS = 20
SLUG = "atelier-a-forte-affluence"
VOTERS = 30
OPTIONS = ["Oui", "Non"]


def signed_in(user) -> str:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def main(target: str) -> None:
    django.setup()
    from django.conf import settings

    from tests.activities.factories import ActivityFactory
    from tests.decisions.factories import ProposalFactory
    from tests.factories import UserFactory

    ActivityFactory(capacity=SEATS, slug=SLUG)
    proposal = ProposalFactory(vote=True, options=OPTIONS, title="Mutualiser un local")
    options = dict(proposal.options.values_list("label", "pk"))
    # Signed in by their session: no password to hash (hashing 31 is a minute on a busy machine).
    members = [
        UserFactory(current_member=True, email=f"votant{n}@exemple.org", password=None)
        for n in range(VOTERS)
    ]
    voters = [{"email": user.email, "session": signed_in(user)} for user in members]
    fixtures = {
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "proposal": proposal.pk,
        "options": options,
        "voters": voters,
        "staff": signed_in(UserFactory(staff=True, email="equipe@exemple.org", password=None)),
    }
    with open(target, "w") as handle:
        json.dump(fixtures, handle)


if __name__ == "__main__":
    main(sys.argv[1])
