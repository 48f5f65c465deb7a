import datetime

import factory

from maillage.network.people.enums import ConsentMethod, ConsentPurpose, InteractionChannel
from maillage.network.people.models import (
    Affiliation,
    AffiliationRole,
    Consent,
    Interaction,
    Person,
    Tag,
)
from tests.directory.factories import LegalUnitFactory


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    email = factory.Sequence(lambda n: f"contact{n}@exemple.org")

    class Params:
        without_email = factory.Trait(email="")
        stale = factory.Trait(
            last_active_at=factory.LazyFunction(
                lambda: datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
            )
        )


class AffiliationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Affiliation

    person = factory.SubFactory(PersonFactory)
    legal_unit = factory.SubFactory(LegalUnitFactory)
    role = AffiliationRole.EMPLOYEE


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Étiquette {n}")
    slug = factory.Sequence(lambda n: f"etiquette-{n}")


class InteractionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interaction

    person = factory.SubFactory(PersonFactory)
    occurred_on = factory.LazyFunction(datetime.date.today)
    channel = InteractionChannel.MEETING
    subject = "Présentation du pôle"


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consent

    person = factory.SubFactory(PersonFactory)
    purpose = ConsentPurpose.NEWSLETTER
    given = True
    text_version = "2026-1"
    text = "J’accepte de recevoir la lettre d’information."
    method = ConsentMethod.ONLINE_FORM
