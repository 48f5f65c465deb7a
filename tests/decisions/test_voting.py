from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import (
    IntegrityError,
    connection,  # noqa: F401 (read by a skipif condition)
    transaction,
)
from django.utils import timezone

from maillage.network.decisions.enums import Choice
from maillage.network.decisions.models import Vote
from maillage.network.decisions.voting import NotEligible, VoteRefused, cast_vote
from tests.decisions.factories import ProposalFactory, member_organisation, representative
from tests.factories import UserFactory
from tests.memberships.factories import CollegeFactory
from tests.people.factories import PersonFactory
from tests.working_groups.factories import GroupMemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def group_member():
    """A member user whose address-book entry belongs to a working group."""
    user = UserFactory(current_member=True)
    membership = GroupMemberFactory(person=user.person)
    return user, membership.person, membership.group


def test_changing_a_voice_updates_the_same_row(group_member):
    user, person, group = group_member
    proposal = ProposalFactory(group=group)

    first = cast_vote(proposal, user, person, choice=Choice.CONSENT)
    second = cast_vote(proposal, user, person, choice=Choice.OBJECTION, reason="Trop cher.")

    assert second.pk == first.pk
    assert Vote.objects.filter(proposal=proposal).count() == 1
    stored = Vote.objects.get()
    assert (stored.choice, stored.reason, stored.changed_count) == ("objection", "Trop cher.", 1)
    assert stored.cast_by == user


def test_an_objection_without_reason_is_refused(group_member):
    user, person, group = group_member
    proposal = ProposalFactory(group=group)

    with pytest.raises(VoteRefused, match="objection doit être motivée"):
        cast_vote(proposal, user, person, choice=Choice.OBJECTION, reason="   ")
    assert not Vote.objects.exists()


def test_after_the_deadline_a_voice_is_refused_with_the_date(group_member):
    user, person, group = group_member
    proposal = ProposalFactory(group=group, past_deadline=True)
    moment = timezone.localtime(proposal.deadline).strftime("%d/%m/%Y à %H:%M")

    with pytest.raises(VoteRefused, match=f"Le vote est clos depuis le {moment}"):
        cast_vote(proposal, user, person, choice=Choice.CONSENT)


def test_a_draft_takes_no_voice(group_member):
    user, person, group = group_member
    proposal = ProposalFactory(group=group, draft=True)

    with pytest.raises(VoteRefused, match="pas encore ouvert"):
        cast_vote(proposal, user, person, choice=Choice.CONSENT)


def test_someone_outside_the_group_cannot_vote_on_its_proposal(group_member):
    _, _, group = group_member
    outsider = UserFactory(current_member=True)
    person = outsider.person

    with pytest.raises(NotEligible, match="ne faites pas partie du groupe"):
        cast_vote(ProposalFactory(group=group), outsider, person, choice=Choice.CONSENT)


def test_nobody_votes_for_an_organisation_they_do_not_represent():
    mine, theirs = member_organisation(), member_organisation()
    user = representative(mine)
    proposal = ProposalFactory(per_organisation=True)

    with pytest.raises(NotEligible, match="au nom de cette structure"):
        cast_vote(proposal, user, theirs, choice=Choice.CONSENT)
    cast_vote(proposal, user, mine, choice=Choice.CONSENT)
    assert Vote.objects.get().legal_unit == mine


def test_two_representatives_share_their_organisation_s_one_voice():
    organisation = member_organisation()
    alice, bruno = representative(organisation), representative(organisation)
    proposal = ProposalFactory(per_organisation=True)

    cast_vote(proposal, alice, organisation, choice=Choice.CONSENT)
    cast_vote(proposal, bruno, organisation, choice=Choice.ABSTENTION)

    vote = Vote.objects.get()
    assert (vote.choice, vote.cast_by) == ("abstention", bruno)


def test_staff_do_not_vote(staff):
    organisation = member_organisation()
    representative(organisation, user=staff)

    with pytest.raises(NotEligible, match="Seuls les adhérents"):
        cast_vote(ProposalFactory(per_organisation=True), staff, organisation, choice="consent")


def test_a_vote_takes_an_option_of_its_own_proposal_or_an_abstention(group_member):
    user, person, group = group_member
    proposal = ProposalFactory(group=group, vote=True, options=["Oui", "Non"])
    other = ProposalFactory(vote=True, options=["Oui"])

    with pytest.raises(VoteRefused, match="une des options proposées"):
        cast_vote(proposal, user, person, option=other.options.get())
    with pytest.raises(VoteRefused, match="une des options proposées"):
        cast_vote(proposal, user, person, choice=Choice.CONSENT)
    cast_vote(proposal, user, person, option=proposal.options.get(label="Non"))
    assert Vote.objects.get().position_label == "Non"
    cast_vote(proposal, user, person, choice=Choice.ABSTENTION)
    assert Vote.objects.get().position_label == "Abstention"


def test_a_weighted_voice_carries_its_college_weight():
    heavy = CollegeFactory(slug="collectivites", voting_weight=Decimal("2.50"))
    organisation = member_organisation(college=heavy)
    user = representative(organisation)
    proposal = ProposalFactory(per_organisation=True, weighted=True)

    assert cast_vote(proposal, user, organisation, choice="consent").weight == Decimal("2.50")


def test_the_database_refuses_a_second_voice_for_the_same_voter():
    organisation = member_organisation()
    proposal = ProposalFactory(per_organisation=True)
    Vote.objects.create(proposal=proposal, legal_unit=organisation, choice=Choice.CONSENT)

    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(proposal=proposal, legal_unit=organisation, choice=Choice.ABSTENTION)


def test_the_database_refuses_a_voice_with_two_voters_or_an_unmotivated_objection():
    proposal = ProposalFactory()
    person = PersonFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(
            proposal=proposal, person=person, legal_unit=member_organisation(), choice="consent"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(proposal=proposal, person=person, choice=Choice.OBJECTION)


def test_a_proposal_scheduled_later_is_not_open_yet(group_member):
    user, person, group = group_member
    proposal = ProposalFactory(group=group, opens_at=timezone.now() + timedelta(hours=2))

    with pytest.raises(VoteRefused, match="pas encore ouvert"):
        cast_vote(proposal, user, person, choice=Choice.CONSENT)


@pytest.mark.skipif("connection.vendor != 'sqlite'", reason="SQLite's busy timeout only")
def test_a_voice_waits_again_when_sqlite_gave_up_on_its_write_lock(group_member, monkeypatch):
    from django.db import OperationalError

    from maillage.network.decisions import voting

    user, person, group = group_member
    proposal = ProposalFactory(group=group)
    write, failures = voting._write, []

    def locked_once(*args):
        if not failures:
            failures.append(1)
            raise OperationalError("database is locked")
        return write(*args)

    monkeypatch.setattr(voting, "_write", locked_once)

    assert cast_vote(proposal, user, person, choice=Choice.CONSENT).choice == "consent"
    assert failures == [1]
