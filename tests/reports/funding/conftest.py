import pytest

from maillage.hub import current_hub
from maillage.plan.loading import load_plan


@pytest.fixture
def loaded_plan(db):
    """The hub's shipped plan, loaded: grants are linked to its actions."""
    return load_plan(current_hub().plan_file)
