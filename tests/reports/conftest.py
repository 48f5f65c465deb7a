"""A small plan to count through: objective 1 → 1a → actions 1a.1 and 1a.2; objective 2 → 2a →
action 2a.1; two target publics."""

from dataclasses import dataclass

import pytest

from maillage.plan.enums import PublicCategory
from maillage.plan.indicators import Period, Scope
from maillage.plan.models import Action, OperationalObjective, StrategicObjective, TargetPublic
from tests.directory.factories import CommuneFactory

YEAR = 2025


@dataclass
class Plan:
    first: Action
    second: Action
    other: Action
    elected: TargetPublic
    inhabitants: TargetPublic


@pytest.fixture
def plan(db):
    one = StrategicObjective.objects.create(code="1", title="Sensibiliser")
    one_a = OperationalObjective.objects.create(strategic_objective=one, code="1a", title="Faire")
    two = StrategicObjective.objects.create(code="2", title="Accompagner", position=1)
    two_a = OperationalObjective.objects.create(strategic_objective=two, code="2a", title="Aider")
    return Plan(
        first=Action.objects.create(operational_objective=one_a, code="1a.1", title="Ateliers"),
        second=Action.objects.create(operational_objective=one_a, code="1a.2", title="Forums"),
        other=Action.objects.create(operational_objective=two_a, code="2a.1", title="Suivi"),
        elected=TargetPublic.objects.create(slug="elus", name="Élus", category=PublicCategory.ELUS),
        inhabitants=TargetPublic.objects.create(
            slug="habitants", name="Habitants", category=PublicCategory.HABITANTS
        ),
    )


@pytest.fixture
def year():
    return Scope(Period.year(YEAR))


@pytest.fixture
def commune(db):
    return CommuneFactory(code="35236", name="Redon")
