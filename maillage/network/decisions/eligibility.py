"""Who may vote on a proposal, for whom, and with what weight.

- The membership year is the year the proposal opened (Paris time), stored on the proposal when
  it opens; before that, the current year. Members of a year are the memberships paid or waived
  (pending and cancelled ones do not count).
- One voice per organisation (whole membership only): every member organisation of the year has
  one voice. A signed-in user casts it when an approved directory claim says they represent it;
  several representatives share the organisation's one voice (the last one cast counts).
- One voice per person, working group: the group's members.
- One voice per person, whole membership: people with a personal membership of the year, and
  people with a current affiliation (no end date, or not ended yet) to a member organisation.
- Erased people never vote. A person votes through the account linked to their address-book
  entry (`Person.user`); the electorate, which the quorum counts, includes people without one.
- Weight (whole membership, when the proposal says so): the voting weight of the college of
  the membership that gives the voice; a person voting through their organisation carries the
  highest weight among their member organisations. Otherwise every voice weighs 1.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Max, Q, QuerySet
from django.utils import timezone

from maillage.accounts.models import AnyUser, User
from maillage.directory.models import LegalUnit
from maillage.network.decisions.models import Proposal
from maillage.network.memberships.models import Membership, MembershipStatus
from maillage.network.people.models import Affiliation, Person
from maillage.network.working_groups.models import GroupMember

MEMBER_STATUSES = (MembershipStatus.PAID, MembershipStatus.WAIVED)


def membership_year(proposal: Proposal) -> int:
    return proposal.membership_year or timezone.localdate().year


def memberships_of(year: int) -> QuerySet[Membership]:
    return Membership.objects.filter(year=year, status__in=MEMBER_STATUSES)


def member_organisations(year: int) -> QuerySet[LegalUnit]:
    return LegalUnit.objects.filter(pk__in=memberships_of(year).values("legal_unit"))


def current_affiliations(year: int) -> QuerySet[Affiliation]:
    """Affiliations not ended to the member organisations of `year`."""
    not_ended = Q(until__isnull=True) | Q(until__gte=timezone.localdate())
    return Affiliation.objects.filter(not_ended, legal_unit__in=member_organisations(year))


def eligible_people(proposal: Proposal) -> QuerySet[Person]:
    people = Person.objects.active()
    if proposal.group_id:
        return people.filter(
            pk__in=GroupMember.objects.filter(group=proposal.group_id).values("person")
        )
    year = membership_year(proposal)
    return people.filter(
        Q(pk__in=memberships_of(year).values("person"))
        | Q(pk__in=current_affiliations(year).values("person"))
    )


def electorate(proposal: Proposal) -> QuerySet[LegalUnit] | QuerySet[Person]:
    """Every voter this proposal counts: organisations or people."""
    if proposal.per_organisation:
        return member_organisations(membership_year(proposal))
    return eligible_people(proposal)


def voters_for(user: AnyUser, proposal: Proposal) -> list[LegalUnit] | list[Person]:
    """What `user` may vote as on `proposal`: organisations they represent, or themselves."""
    if not (isinstance(user, User) and user.is_member) or user.is_hub_staff:
        return []
    if proposal.per_organisation:
        represented = LegalUnit.objects.represented_by(user)
        return list(member_organisations(membership_year(proposal)).filter(pk__in=represented))
    person = Person.objects.active().filter(user=user).first()
    if person is None or not electorate(proposal).filter(pk=person.pk).exists():
        return []
    return [person]


def weight_of(voter: LegalUnit | Person, proposal: Proposal) -> Decimal:
    if not proposal.weighted or proposal.group_id:
        return Decimal(1)
    memberships = memberships_of(membership_year(proposal))
    if isinstance(voter, LegalUnit):
        found = memberships.filter(legal_unit=voter)
    else:
        found = memberships.filter(person=voter)
        if not found.exists():
            organisations = current_affiliations(membership_year(proposal)).filter(person=voter)
            found = memberships.filter(legal_unit__in=organisations.values("legal_unit"))
    weight = found.aggregate(weight=Max("college__voting_weight"))["weight"]
    return weight or Decimal(1)
