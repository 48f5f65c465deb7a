import pytest

from maillage.hub import current_hub
from maillage.plan.loading import load_plan
from tests.factories import UserFactory
from tests.working_groups.factories import GroupMemberFactory, WorkingGroupFactory


@pytest.fixture(autouse=True)
def _documents_in_tmp(settings, tmp_path):
    settings.WORKING_GROUP_DOCUMENTS_ROOT = tmp_path / "documents"


@pytest.fixture
def group(db):
    return WorkingGroupFactory(name="Atelier éco-construction", slug="eco-construction")


def _member_user(email: str):
    """A current member of the hub (ADR 0018) with an address-book entry."""
    return UserFactory(email=email, current_member=True)


@pytest.fixture
def member_in_group(group):
    user = _member_user("dedans@exemple.org")
    GroupMemberFactory(group=group, person=user.person)
    return user


@pytest.fixture
def member_not_in_group(db):
    return _member_user("dehors@exemple.org")


@pytest.fixture
def facilitator(group):
    user = _member_user("animation@exemple.org")
    GroupMemberFactory(group=group, person=user.person)
    group.facilitator = user.person
    group.save()
    return user


@pytest.fixture
def loaded_plan(db):
    return load_plan(current_hub().plan_file)
