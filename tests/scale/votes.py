"""Members voting on an open proposal, each changing their mind once.

Each voter, signed in, votes first for one option, then for the other; a send that failed is
sent again. After the storm, staff close the vote through the proxy, and the result must count
each voter once, with their last choice: the totals are exact."""

from __future__ import annotations

from collections import Counter
from typing import Any

from tests.scale.client import Outcome, Visitor
from tests.scale.fixtures import OPTIONS


def final_choice(n: int) -> str:
    """Two voters in three say « Oui » in the end, the third « Non »."""
    return OPTIONS[1] if n % 3 == 0 else OPTIONS[0]


def vote(visitor: Visitor, fixtures: dict[str, Any], n: int) -> Outcome:
    """Voter `n` votes for the other option, then changes to their final choice."""
    visitor.cookies[fixtures["session_cookie"]] = fixtures["voters"][n]["session"]
    page = f"/decisions/{fixtures['proposal']}/"
    final = final_choice(n)
    first = next(label for label in OPTIONS if label != final)
    outcomes = [
        visitor.submit(page, f"{page}voter/", {"position": f"option-{fixtures['options'][label]}"})
        for label in (first, final)
    ]
    worst = next((o for o in outcomes if o.status != 302), outcomes[-1])
    return Outcome(
        worst.status, sum(o.attempts for o in outcomes), sum(o.seconds for o in outcomes)
    )


def close(visitor: Visitor, fixtures: dict[str, Any]) -> Outcome:
    """Staff close the vote from the proposal's page."""
    visitor.cookies[fixtures["session_cookie"]] = fixtures["staff"]
    page = f"/decisions/{fixtures['proposal']}/"
    return visitor.submit(page, f"{page}clore/", {})


def check(outcomes: list[Outcome], closing: Outcome, fixtures: dict[str, Any]) -> list[str]:
    from maillage.network.decisions.models import Proposal, Vote

    proposal = Proposal.objects.get(pk=fixtures["proposal"])
    failures = []
    if [outcome.status for outcome in outcomes] != [302] * len(outcomes):
        failures.append(f"votes, réponses finales : {Counter(o.status for o in outcomes)}")
    if closing.status != 302 or not proposal.is_closed:
        failures.append(f"vote non clos (réponse {closing.status})")
        return failures
    voters = [voter["email"] for voter in fixtures["voters"]]
    votes = Counter(Vote.objects.filter(proposal=proposal).values_list("person__email", flat=True))
    if votes != Counter(voters):
        failures.append(f"voix perdues ou doublées : {votes}")
    last = dict(
        Vote.objects.filter(proposal=proposal).values_list("person__email", "option__label")
    )
    wrong = [email for n, email in enumerate(voters) if last.get(email) != final_choice(n)]
    if wrong:
        failures.append(f"voix dont le dernier choix est perdu : {wrong}")
    counted = {row["label"]: row["count"] for row in proposal.result["counts"]}
    expected = Counter(final_choice(n) for n in range(len(voters)))
    if {label: counted.get(label, 0) for label in OPTIONS} != dict(expected) or (
        proposal.result["voices"] != len(voters)
    ):
        failures.append(f"décompte : {counted}, attendu {dict(expected)}")
    print(f"vote clos : {proposal.result['voices']} voix, {counted}")
    return failures
