import factory

from maillage.network.people.models import Affiliation, AffiliationRole, Person
from tests.directory.factories import LegalUnitFactory


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    email = factory.Sequence(lambda n: f"contact{n}@exemple.org")


class AffiliationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Affiliation

    person = factory.SubFactory(PersonFactory)
    legal_unit = factory.SubFactory(LegalUnitFactory)
    role = AffiliationRole.EMPLOYEE
