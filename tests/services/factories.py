import factory

from maillage.support.services.models import Service, ServiceStatus
from tests.directory.factories import LegalUnitFactory


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    provider = factory.SubFactory(LegalUnitFactory)
    name = factory.Sequence(lambda n: f"Service d’accompagnement {n}")
    description = "Un premier rendez-vous pour clarifier votre idée."
    status = ServiceStatus.PUBLISHED
