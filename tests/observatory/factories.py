"""Directory entries and territory pieces for the observatory's hand-worked examples."""

import factory

from maillage.directory.enums import EssFamily
from maillage.directory.models import Establishment, LegalUnit
from maillage.observatory.enums import Indicator
from maillage.observatory.models import ReferenceFigure


class LegalUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegalUnit

    siren = factory.Sequence(lambda n: f"{775000000 + n:09d}")
    name = factory.Sequence(lambda n: f"Association numéro {n}")
    legal_category = "9220"
    ess_family = EssFamily.ASSOCIATION
    is_active = True

    class Params:
        cooperative = factory.Trait(legal_category="5458", ess_family=EssFamily.COOPERATIVE)
        outside_ess = factory.Trait(legal_category="5499", ess_family="")


class EstablishmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Establishment

    legal_unit = factory.SubFactory(LegalUnitFactory)
    siret = factory.LazyAttributeSequence(lambda o, n: f"{o.legal_unit.siren}{n:05d}")
    naf_code = "88.99B"
    naf_section = "Q"
    employee_bracket = "11"
    is_open = True


class ReferenceFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReferenceFigure

    area_name = "Pays de test"
    area_code = "pays-de-test"
    indicator = Indicator.ALL_JOBS
    value = 200
    unit = "emplois"
    data_year = "2022"
    publication = "Estimation de l’équipe"
    producer = "Le pôle"
