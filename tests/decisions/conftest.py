import pytest

from tests.decisions.factories import ProposalFactory, member_organisation, representative
from tests.factories import UserFactory


@pytest.fixture
def organisation():
    return member_organisation()


@pytest.fixture
def eligible_member(organisation):
    """A member representing a member organisation of the year."""
    return representative(organisation, user=UserFactory(email="votant@exemple.org"))


@pytest.fixture
def open_proposal(db):
    """Open, whole membership, one voice per organisation, consent."""
    return ProposalFactory(per_organisation=True, title="Mutualiser un local")
