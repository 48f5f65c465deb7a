"""Memberships for tests: `MembershipFactory(paid=True)`, `(waived=True)`, `(of_person=True)`."""

from datetime import date

import factory

from maillage.network.memberships.enums import MembershipStatus, PaymentMethod
from maillage.network.memberships.models import College, DuesRate, Membership, RenewalReminder
from tests.directory.factories import LegalUnitFactory
from tests.people.factories import PersonFactory


class CollegeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = College
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Collège {n}")
    slug = factory.Sequence(lambda n: f"college-{n}")


class DuesRateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DuesRate

    college = factory.SubFactory(CollegeFactory)
    slug = factory.Sequence(lambda n: f"categorie-{n}")
    name = factory.Sequence(lambda n: f"Catégorie {n}")
    amount = 50


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    year = 2026
    legal_unit = factory.SubFactory(LegalUnitFactory)
    person = None
    college = factory.SubFactory(CollegeFactory)
    dues_amount = 50

    class Params:
        paid = factory.Trait(
            status=MembershipStatus.PAID,
            paid_amount=50,
            paid_on=date(2026, 3, 2),
            payment_method=PaymentMethod.TRANSFER,
            receipt_number=factory.Sequence(lambda n: n + 1),
        )
        waived = factory.Trait(status=MembershipStatus.WAIVED)
        cancelled = factory.Trait(status=MembershipStatus.CANCELLED)
        of_person = factory.Trait(legal_unit=None, person=factory.SubFactory(PersonFactory))


class RenewalReminderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RenewalReminder

    membership = factory.SubFactory(MembershipFactory, year=2025, paid=True)
    year = 2026
