import pytest

from maillage.directory.enums import ClaimStatus
from maillage.directory.models import Claim
from maillage.hub import current_hub
from maillage.network.memberships.colleges import load_colleges
from maillage.network.memberships.models import DuesRate


@pytest.fixture
def colleges(db):
    """The colleges, categories and dues of the configured hub's file."""
    load_colleges(current_hub().directory)


@pytest.fixture
def rate(colleges):
    return DuesRate.objects.get(college__slug="associations", slug="sans-salarie")


@pytest.fixture
def person_rate(colleges):
    return DuesRate.objects.get(college__slug="individuels", slug="individuel")


@pytest.fixture
def represent():
    """represent(user, legal_unit): the staff approved the user's claim on the organisation."""

    def approve(user, legal_unit):
        return Claim.objects.create(user=user, legal_unit=legal_unit, status=ClaimStatus.APPROVED)

    return approve
