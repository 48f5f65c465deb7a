import pytest

from maillage.hub import current_hub
from maillage.plan.loading import load_plan


@pytest.fixture
def loaded_plan(db):
    return load_plan(current_hub().plan_file)
