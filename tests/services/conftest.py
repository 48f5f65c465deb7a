"""A small territory (two EPCI over two départements), a provider its partner represents."""

import pytest

from maillage.territory.models import Commune, Departement, Epci, Region, Territory
from tests.directory.factories import LegalUnitFactory
from tests.services.factories import ApprovedClaimFactory

REDON, BAINS, ALLAIRE, OUTSIDE = "35236", "35013", "56001", "44999"


@pytest.fixture
def territory(db):
    region = Region.objects.create(code="53", name="Bretagne")
    ille = Departement.objects.create(code="35", name="Ille-et-Vilaine", region=region)
    morbihan = Departement.objects.create(code="56", name="Morbihan", region=region)
    loire = Departement.objects.create(code="44", name="Loire-Atlantique", region=region)
    agglo = Epci.objects.create(code="243500741", name="Redon Agglomération")
    other = Epci.objects.create(code="200000001", name="Communauté fictive")
    Commune.objects.create(code=REDON, name="Redon", departement=ille, epci=agglo)
    Commune.objects.create(code=BAINS, name="Bains-sur-Oust", departement=ille, epci=agglo)
    Commune.objects.create(code=ALLAIRE, name="Allaire", departement=morbihan, epci=other)
    Commune.objects.create(code=OUTSIDE, name="Ailleurs", departement=loire)
    territory = Territory.objects.create(
        name="Pays de test", slug="pays-de-test", source="test", vintage="test", is_default=True
    )
    territory.communes.set(Commune.objects.exclude(code=OUTSIDE))
    return territory


@pytest.fixture
def redon(territory):
    return Commune.objects.get(code=REDON)


@pytest.fixture
def allaire(territory):
    return Commune.objects.get(code=ALLAIRE)


@pytest.fixture
def provider(db):
    return LegalUnitFactory(name="Coopérative fictive d’accompagnement")


@pytest.fixture
def representative(partner, provider):
    """The `partner` user, representing `provider` through an approved claim."""
    ApprovedClaimFactory(user=partner, legal_unit=provider)
    return partner
