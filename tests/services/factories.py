"""Services in their business states.

`ServiceFactory()` is a published service of a provider without a public page (enough where only
`published()` or `is_open` matter); `ServiceFactory(on_offer=True, area=[commune])` is what the
public pages show: its provider has a public establishment and it serves `area` (communes,
EPCI or départements, mixed)."""

import factory

from maillage.directory.enums import ClaimStatus
from maillage.directory.models import Claim
from maillage.support.services.models import Service, ServiceStatus
from maillage.territory.models import Commune, Departement, Epci
from tests.directory.factories import EstablishmentFactory, LegalUnitFactory


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service
        skip_postgeneration_save = True

    class Params:
        draft = factory.Trait(status=ServiceStatus.DRAFT)
        submitted = factory.Trait(status=ServiceStatus.SUBMITTED)
        closed = factory.Trait(status=ServiceStatus.CLOSED)
        public_contacts = factory.Trait(
            contacts_public=True,
            contact_name="Camille Conseil",
            email="camille@exemple.invalid",
            phone="02 99 00 00 01",
        )
        private_contacts = factory.Trait(
            contacts_public=False,
            contact_name="Dominique Secret",
            email="secret@exemple.invalid",
            phone="02 99 00 00 02",
        )

    provider = factory.SubFactory(LegalUnitFactory)
    name = factory.Sequence(lambda n: f"Service d’accompagnement {n}")
    description = "Un premier rendez-vous pour clarifier votre idée."
    status = ServiceStatus.PUBLISHED

    @factory.post_generation
    def on_offer(self, create, extracted, **kwargs):
        """Give the provider an open, public establishment (so the public pages show it)."""
        if create and extracted:
            EstablishmentFactory(legal_unit=self.provider)

    @factory.post_generation
    def area(self, create, extracted, **kwargs):
        for place in extracted or ():
            {Commune: self.communes, Epci: self.epcis, Departement: self.departements}[
                type(place)
            ].add(place)


class ApprovedClaimFactory(factory.django.DjangoModelFactory):
    """`user` represents `legal_unit`."""

    class Meta:
        model = Claim

    legal_unit = factory.SubFactory(LegalUnitFactory)
    status = ClaimStatus.APPROVED
