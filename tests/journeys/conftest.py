import pytest

from maillage.support.journeys.stage_file import load_stages
from tests.factories import UserFactory
from tests.journeys.factories import ReferralFactory, represent


@pytest.fixture(autouse=True)
def stages(db, tmp_path_factory):
    """The default journey (no support.yaml in an empty hub folder)."""
    load_stages(tmp_path_factory.mktemp("hub"))


@pytest.fixture(autouse=True)
def _documents_in_tmp(settings, tmp_path):
    settings.SUPPORT_DOCUMENTS_ROOT = tmp_path / "documents"


@pytest.fixture
def referral(db):
    return ReferralFactory()


@pytest.fixture
def referred_partner(referral):
    """A partner representing the provider of `referral`'s service."""
    user = UserFactory(partner=True, email="partenaire.oriente@exemple.org")
    represent(user, referral.service.provider)
    return user


@pytest.fixture
def loaded_plan(db):
    from maillage.hub import current_hub
    from maillage.plan.loading import load_plan

    return load_plan(current_hub().plan_file)
