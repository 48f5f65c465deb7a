from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from maillage.network.decisions.closing import (
    ProposalRefused,
    close_due_proposals,
    close_proposal,
    open_proposal,
)
from maillage.network.decisions.enums import Outcome, ProposalStatus
from maillage.network.decisions.models import Proposal, Vote
from maillage.network.decisions.tasks import close_due
from tests.decisions.factories import ProposalFactory, member_organisation
from tests.memberships.factories import CollegeFactory
from tests.working_groups.factories import GroupMemberFactory

pytestmark = pytest.mark.django_db


def _voices(proposal, *positions):
    """One group member per position: an option label, or a consent-method choice."""
    for position in positions:
        person = GroupMemberFactory(group=proposal.group).person
        option = proposal.options.filter(label=position).first()
        reason = "Il manque un budget." if position == "objection" else ""
        Vote.objects.create(
            proposal=proposal,
            person=person,
            option=option,
            choice="" if option else position,
            reason=reason,
        )


def test_a_consent_with_one_objection_is_not_adopted_and_lists_it():
    proposal = ProposalFactory(group=GroupMemberFactory().group, past_deadline=True)
    _voices(proposal, "consent", "consent", "objection", "abstention")

    assert close_due_proposals() == 1

    proposal.refresh_from_db()
    result = proposal.result
    assert proposal.status == ProposalStatus.CLOSED
    assert result["outcome"] == Outcome.OBJECTED
    assert (result["eligible"], result["voices"]) == (5, 4)
    assert [row["count"] for row in result["counts"]] == [2, 1, 1]
    objection = Vote.objects.get(choice="objection")
    assert result["objections"] == [objection.pk]


def test_below_quorum_nothing_is_decided():
    proposal = ProposalFactory(group=GroupMemberFactory().group, quorum_percent=60)
    for _ in range(3):
        GroupMemberFactory(group=proposal.group)
    _voices(proposal, "consent", "consent")  # 2 of 6: 60 % asks for 4

    close_proposal(proposal)

    result = Proposal.objects.get().result
    assert (result["quorum_needed"], result["quorum_reached"]) == (4, False)
    assert result["outcome"] == Outcome.NO_QUORUM


def test_a_vote_is_won_by_weight_not_by_head_count():
    light = CollegeFactory(slug="associations", voting_weight=1)
    heavy = CollegeFactory(slug="collectivites", voting_weight=3)
    proposal = ProposalFactory(
        per_organisation=True, weighted=True, vote=True, options=["Pour", "Contre"]
    )
    pour, contre = proposal.options.all()
    for college, option in [(light, pour), (light, pour), (heavy, contre)]:
        organisation = member_organisation(college=college)
        weight = college.voting_weight
        Vote.objects.create(
            proposal=proposal, legal_unit=organisation, option=option, weight=weight
        )

    close_proposal(proposal)

    result = Proposal.objects.get().result
    assert result["outcome"] == Outcome.OPTION_CHOSEN
    assert result["chosen"] == "Contre"
    assert [(r["label"], r["count"], Decimal(r["weight"])) for r in result["counts"]] == [
        ("Pour", 2, 2),
        ("Contre", 1, 3),
        ("Abstention", 0, 0),
    ]


def test_closing_twice_keeps_the_first_result():
    proposal = ProposalFactory(group=GroupMemberFactory().group, past_deadline=True)
    _voices(proposal, "consent")
    call_command("close_due_proposals", stdout=None)
    first = Proposal.objects.get()

    assert close_proposal(first) is False
    assert close_due.call() == 0
    assert Proposal.objects.get().closed_at == first.closed_at


def test_the_closing_job_leaves_proposals_before_their_deadline():
    ProposalFactory()

    assert close_due_proposals() == 0
    assert Proposal.objects.get().status == ProposalStatus.OPEN


def test_opening_fixes_the_membership_year_and_refuses_a_vote_without_options():
    proposal = ProposalFactory(draft=True, vote=True, options=["Seule option"])
    with pytest.raises(ProposalRefused, match="au moins deux options"):
        open_proposal(proposal)

    consent = ProposalFactory(draft=True)
    opened = open_proposal(consent)

    assert opened.status == ProposalStatus.OPEN
    assert opened.membership_year == timezone.localdate().year
    assert opened.opens_at <= timezone.now() < opened.deadline


def test_a_draft_past_its_deadline_cannot_open():
    proposal = ProposalFactory(draft=True, deadline=timezone.now() - timedelta(hours=1))

    with pytest.raises(ProposalRefused, match="date limite doit suivre"):
        open_proposal(proposal)
