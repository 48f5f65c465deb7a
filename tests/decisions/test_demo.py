import pytest

from maillage.network.decisions.demo import create_demo_decisions
from maillage.network.decisions.enums import Outcome, ProposalStatus
from maillage.network.decisions.models import Proposal, Vote
from tests.decisions.factories import member_organisation
from tests.working_groups.factories import GroupMemberFactory

pytestmark = pytest.mark.django_db


def test_without_the_other_demos_nothing_is_created():
    member_organisation()  # members, but no working group

    assert create_demo_decisions() == 0
    assert not Proposal.objects.exists()


def test_the_demo_holds_a_closed_vote_and_an_open_consent_once():
    for _ in range(8):
        member_organisation(year=2026)
    GroupMemberFactory()
    GroupMemberFactory()

    created = create_demo_decisions()

    assert created == (1 + 3 + 6) + (1 + 1)  # proposals, options, voices (6 of 8 members)
    assert create_demo_decisions() == 0
    vote = Proposal.objects.get(method="vote")
    assert vote.status == ProposalStatus.CLOSED
    assert "fictive" in vote.title
    assert vote.result["outcome"] == Outcome.OPTION_CHOSEN
    assert vote.result["chosen"] == "Barème progressif selon le budget"
    assert (vote.result["eligible"], vote.result["voices"]) == (8, 6)
    consent = Proposal.objects.get(method="consent")
    assert consent.accepts_votes()
    assert Vote.objects.filter(proposal=consent).count() == 1
