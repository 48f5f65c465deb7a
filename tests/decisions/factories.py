from datetime import timedelta

import factory
from django.utils import timezone

from maillage.directory.enums import ClaimStatus
from maillage.directory.models import Claim
from maillage.network.decisions.enums import Method, ProposalStatus, VoterScope
from maillage.network.decisions.models import Option, Proposal
from maillage.network.memberships.models import MembershipStatus
from tests.directory.factories import LegalUnitFactory
from tests.factories import UserFactory
from tests.memberships.factories import MembershipFactory


def _now():
    return timezone.now()


class ProposalFactory(factory.django.DjangoModelFactory):
    """An open consent proposal of the whole membership, one voice per person, by default."""

    class Meta:
        model = Proposal
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Proposition {n}")
    text = "Nous proposons de mutualiser un local."
    method = Method.CONSENT
    voter_scope = VoterScope.PERSON
    status = ProposalStatus.OPEN
    opens_at = factory.LazyFunction(lambda: _now() - timedelta(days=1))
    deadline = factory.LazyFunction(lambda: _now() + timedelta(days=7))
    membership_year = factory.LazyFunction(lambda: timezone.localdate().year)

    class Params:
        draft = factory.Trait(status=ProposalStatus.DRAFT, opens_at=None, membership_year=None)
        per_organisation = factory.Trait(voter_scope=VoterScope.ORGANISATION)
        vote = factory.Trait(method=Method.VOTE)
        past_deadline = factory.Trait(
            opens_at=factory.LazyFunction(lambda: _now() - timedelta(days=8)),
            deadline=factory.LazyFunction(lambda: _now() - timedelta(minutes=1)),
        )

    @factory.post_generation
    def options(self, create, extracted, **kwargs):
        """`options=["Oui", "Non"]` gives a vote its options."""
        if create and extracted:
            for order, label in enumerate(extracted):
                Option.objects.create(proposal=self, label=label, order=order)


def member_organisation(year=None, **membership):
    """An organisation with a membership of the year (this year by default), waived of dues."""
    year = year or timezone.localdate().year
    membership.setdefault("status", MembershipStatus.WAIVED)
    return MembershipFactory(year=year, legal_unit=LegalUnitFactory(), **membership).legal_unit


def representative(legal_unit, user=None):
    """A member user whose claim on `legal_unit` staff approved."""
    user = user or UserFactory()
    Claim.objects.create(legal_unit=legal_unit, user=user, status=ClaimStatus.APPROVED)
    return user
