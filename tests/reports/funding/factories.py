from datetime import date
from decimal import Decimal

import factory

from maillage.reports.funding.enums import BodyKind, FunderKind
from maillage.reports.funding.models import (
    Body,
    BudgetLine,
    Funder,
    Grant,
    Instalment,
    Mandate,
    ReportDue,
)
from tests.people.factories import PersonFactory


class FunderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Funder

    name = factory.Sequence(lambda n: f"Département n° {n}")
    kind = FunderKind.DEPARTEMENT
    siret = "22350001800013"


class GrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Grant

    funder = factory.SubFactory(FunderFactory)
    purpose = "Animation du réseau des acteurs de l’ESS"
    amount = Decimal("20000.00")
    agreement_on = date(2026, 2, 1)
    starts_on = date(2026, 1, 1)
    ends_on = date(2026, 12, 31)


class InstalmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Instalment

    grant = factory.SubFactory(GrantFactory)
    amount = Decimal("10000.00")
    expected_on = date(2026, 3, 1)


class ReportDueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportDue

    grant = factory.SubFactory(GrantFactory)
    title = factory.Sequence(lambda n: f"Compte rendu financier n° {n}")
    due_on = date(2027, 6, 30)


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    grant = factory.SubFactory(GrantFactory)
    side = "expense"
    label = factory.Sequence(lambda n: f"Poste {n}")
    planned = Decimal("1000.00")


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body

    name = factory.Sequence(lambda n: f"Conseil de développement n° {n}")
    kind = BodyKind.LOCAL_COUNCIL


class MandateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mandate

    body = factory.SubFactory(BodyFactory)
    person = factory.SubFactory(PersonFactory)
    starts_on = date(2025, 1, 1)
