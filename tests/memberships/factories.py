import factory

from maillage.network.memberships.models import College, Membership
from tests.directory.factories import LegalUnitFactory


class CollegeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = College
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Collège {n}")
    slug = factory.Sequence(lambda n: f"college-{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    year = 2026
    legal_unit = factory.SubFactory(LegalUnitFactory)
    person = None
    college = factory.SubFactory(CollegeFactory)
    dues_amount = 50
