from datetime import timedelta

import pytest
from django.utils import timezone

from maillage.network.decisions.eligibility import electorate, voters_for
from maillage.network.memberships.models import MembershipStatus
from tests.decisions.factories import ProposalFactory, member_organisation, representative
from tests.factories import UserFactory
from tests.memberships.factories import MembershipFactory
from tests.people.factories import AffiliationFactory, PersonFactory
from tests.working_groups.factories import GroupMemberFactory

pytestmark = pytest.mark.django_db
THIS_YEAR = timezone.localdate().year


def test_only_memberships_waived_or_paid_this_year_give_an_organisation_its_voice():
    waived = member_organisation()
    member_organisation(status=MembershipStatus.PENDING)
    member_organisation(status=MembershipStatus.CANCELLED)
    member_organisation(year=THIS_YEAR - 1)

    assert list(electorate(ProposalFactory(per_organisation=True))) == [waived]


def test_the_membership_year_is_the_proposal_s_not_today_s():
    last_year = member_organisation(year=THIS_YEAR - 1)
    proposal = ProposalFactory(per_organisation=True, membership_year=THIS_YEAR - 1)

    assert list(electorate(proposal)) == [last_year]


def test_a_representative_votes_for_the_member_organisations_they_represent_only():
    member, lapsed = member_organisation(), member_organisation(year=THIS_YEAR - 1)
    user = representative(member)
    representative(lapsed, user=user)

    assert voters_for(user, ProposalFactory(per_organisation=True)) == [member]


def test_staff_have_no_voice_a_partner_representing_a_member_has_its_voice(partner, staff):
    """Membership decides, not the account's kind (ADR 0018); staff run the vote."""
    organisation = member_organisation()
    representative(organisation, user=partner)
    representative(organisation, user=staff)
    proposal = ProposalFactory(per_organisation=True)

    assert voters_for(staff, proposal) == []
    assert voters_for(partner, proposal) == [organisation]


def test_a_group_s_electorate_is_its_members_still_in_the_address_book():
    member = GroupMemberFactory()
    erased = GroupMemberFactory(group=member.group, person=PersonFactory(is_erased=True))
    GroupMemberFactory()  # another group

    electors = electorate(ProposalFactory(group=member.group))

    assert list(electors) == [member.person]
    assert erased.person not in electors


def test_the_whole_membership_by_person_counts_personal_members_and_people_of_members():
    personal = MembershipFactory(legal_unit=None, person=PersonFactory(), status="waived").person
    organisation = member_organisation()
    employee = AffiliationFactory(legal_unit=organisation).person
    AffiliationFactory(legal_unit=organisation, until=timezone.localdate() - timedelta(days=1))
    AffiliationFactory()  # an organisation that is not a member

    assert set(electorate(ProposalFactory())) == {personal, employee}


def test_a_person_votes_through_the_account_of_their_address_book_entry():
    user = UserFactory(current_member=True)
    member = GroupMemberFactory(person=user.person)
    proposal = ProposalFactory(group=member.group)

    assert voters_for(user, proposal) == [member.person]
    assert voters_for(UserFactory(), proposal) == []
