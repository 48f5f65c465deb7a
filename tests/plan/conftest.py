import pytest

from maillage.hub import current_hub
from maillage.plan.loading import load_plan


@pytest.fixture
def plan_file():
    return current_hub().plan_file


@pytest.fixture
def loaded_plan(db, plan_file):
    """The hub's shipped plan, loaded."""
    return load_plan(plan_file)
