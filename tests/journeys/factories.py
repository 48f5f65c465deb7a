import datetime

import factory

from maillage.directory.enums import ClaimStatus
from maillage.directory.models import Claim
from maillage.support.journeys.enums import ProjectKind
from maillage.support.journeys.journey import open_case
from maillage.support.journeys.models import Referral, SupportCase
from maillage.support.services.models import ServiceStatus
from tests.people.factories import PersonFactory
from tests.services.factories import ServiceFactory

OPENED = datetime.date(2026, 3, 2)


class SupportCaseFactory(factory.django.DjangoModelFactory):
    """A case opened through the business action, so it starts with its first stage change."""

    class Meta:
        model = SupportCase

    title = factory.Sequence(lambda n: f"Projet de test {n}")
    description = "Une épicerie coopérative au cœur du bourg."
    kind = ProjectKind.INDIVIDUAL
    opened_on = OPENED
    contact_sharing_agreed = True

    class Params:
        collective = factory.Trait(kind=ProjectKind.COLLECTIVE)
        private_contacts = factory.Trait(contact_sharing_agreed=False)

    @classmethod
    def _create(cls, model_class, *args, holders=(), **kwargs):
        case = model_class(**kwargs)
        return open_case(case, holders or [PersonFactory()], [], today=datetime.date(2030, 1, 1))


class ReferralFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Referral

    case = factory.SubFactory(SupportCaseFactory)
    service = factory.SubFactory(ServiceFactory, status=ServiceStatus.PUBLISHED)
    sent_on = OPENED


def represent(user, legal_unit) -> Claim:
    """Make `user` an approved representative of `legal_unit`."""
    return Claim.objects.create(user=user, legal_unit=legal_unit, status=ClaimStatus.APPROVED)
