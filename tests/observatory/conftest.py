"""A two-commune territory with an old code, and a small directory whose figures are worked
out by hand in `hand_directory`'s docstring."""

from decimal import Decimal

import pytest

from maillage.territory.enums import OldCodeKind
from maillage.territory.models import (
    Commune,
    Departement,
    Epci,
    OldCommuneCode,
    Region,
    Territory,
)
from tests.observatory.factories import EstablishmentFactory, LegalUnitFactory

REDON, BAINS, OUTSIDE = "35236", "35013", "56001"
OLD_BAINS = "35900"
EPCI = "243500741"
SQUARE = {
    "type": "Polygon",
    "coordinates": [[[-2.1, 47.6], [-2.0, 47.6], [-2.0, 47.7], [-2.1, 47.6]]],
}


@pytest.fixture
def territory(db):
    region = Region.objects.create(code="53", name="Bretagne", population=3_400_000)
    ille = Departement.objects.create(code="35", name="Ille-et-Vilaine", region=region)
    morbihan = Departement.objects.create(code="56", name="Morbihan", region=region)
    epci = Epci.objects.create(code=EPCI, name="Redon Agglomération")
    redon = Commune.objects.create(
        code=REDON, name="Redon", departement=ille, epci=epci, population=9000, outline=SQUARE
    )
    bains = Commune.objects.create(
        code=BAINS, name="Bains-sur-Oust", departement=ille, epci=epci, population=3500
    )
    Commune.objects.create(code=OUTSIDE, name="Allaire", departement=morbihan, population=4000)
    OldCommuneCode.objects.create(
        code=OLD_BAINS, name="Vieux-Bains", kind=OldCodeKind.FORMER, commune=bains
    )
    territory = Territory.objects.create(
        name="Pays de test", slug="pays-de-test", source="test", vintage="test", is_default=True
    )
    territory.communes.set([redon, bains])
    return territory


def commune(code):
    return Commune.objects.get(code=code)


@pytest.fixture
def hand_directory(territory):
    """Five ESS establishments open in the territory; three of them employ.

    association A1: Redon 10–19 (88.99B), Bains 1–2 (88.99B), Redon 20–49 closed (left out)
    coopérative C1: Redon 6–9 (47.11B)
    association A2: Bains NN, non-employer (93.12Z); association A3: Redon, no bracket (94.99Z)
    SARL outside the ESS: Redon 50–99 (left out of ESS figures); association in Allaire (outside)
    ESS jobs: low 10+1+6 = 17, high 19+2+9 = 30, estimate 14.5+1.5+7.5 = 23.5.
    """
    a1 = LegalUnitFactory()
    EstablishmentFactory(legal_unit=a1, commune=commune(REDON), employee_bracket="11")
    EstablishmentFactory(legal_unit=a1, commune=commune(BAINS), employee_bracket="01")
    EstablishmentFactory(
        legal_unit=a1, commune=commune(REDON), employee_bracket="12", is_open=False
    )
    c1 = LegalUnitFactory(cooperative=True)
    EstablishmentFactory(
        legal_unit=c1,
        commune=commune(REDON),
        employee_bracket="03",
        naf_code="47.11B",
        naf_section="G",
    )
    EstablishmentFactory(
        commune=commune(BAINS), employee_bracket="NN", naf_code="93.12Z", naf_section="R"
    )
    EstablishmentFactory(
        commune=commune(REDON), employee_bracket="", naf_code="94.99Z", naf_section="S"
    )
    EstablishmentFactory(
        legal_unit=LegalUnitFactory(outside_ess=True),
        commune=commune(REDON),
        employee_bracket="21",
    )
    EstablishmentFactory(commune=commune(OUTSIDE), employee_bracket="11")
    return territory


EXPECTED_JOBS_MID = Decimal("23.5")
