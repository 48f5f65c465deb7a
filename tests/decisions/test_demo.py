from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

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


@time_machine.travel(datetime(2026, 6, 15, 10, tzinfo=ZoneInfo("Europe/Paris")), tick=False)
def test_the_demo_holds_a_closed_vote_an_open_vote_and_an_open_consent_once():
    for _ in range(8):
        member_organisation()
    GroupMemberFactory()
    GroupMemberFactory()

    created = create_demo_decisions()

    # proposals, options, voices: 6 of 8 members closed, 4 of 8 so far open, 1 consent
    assert created == (1 + 3 + 6) + (1 + 3 + 4) + (1 + 1)
    assert create_demo_decisions() == 0
    vote = Proposal.objects.get(method="vote", status=ProposalStatus.CLOSED)
    assert "fictive" in vote.title
    assert vote.closed_at < timezone.now()
    assert vote.result["outcome"] == Outcome.OPTION_CHOSEN
    assert vote.result["chosen"] == "Barème progressif selon le budget"
    assert (vote.result["eligible"], vote.result["voices"]) == (8, 6)
    open_vote = Proposal.objects.get(method="vote", status=ProposalStatus.OPEN)
    assert open_vote.accepts_votes()
    consent = Proposal.objects.get(method="consent")
    assert consent.accepts_votes()
    assert Vote.objects.filter(proposal=consent).count() == 1
