from datetime import timedelta

import factory
from django.utils import timezone

from maillage.activities.enums import ActivityKind, ActivityStatus, RegistrationStatus, Visibility
from maillage.activities.models import Activity, Registration


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    kind = ActivityKind.TRAINING
    title = factory.Sequence(lambda n: f"Formation numéro {n}")
    slug = factory.Sequence(lambda n: f"formation-{n}")
    description = "Une séance pour les associations."
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=3))
    address = "1 rue de la Gare"
    status = ActivityStatus.PUBLISHED
    visibility = Visibility.PUBLIC
    capacity = 20

    class Params:
        members_only = factory.Trait(visibility=Visibility.MEMBERS)
        private = factory.Trait(visibility=Visibility.PRIVATE)
        draft = factory.Trait(status=ActivityStatus.DRAFT)
        past = factory.Trait(
            starts_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
        )


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    activity = factory.SubFactory(ActivityFactory)
    name = factory.Sequence(lambda n: f"Personne {n}")
    email = factory.Sequence(lambda n: f"inscrit{n}@exemple.org")
    status = RegistrationStatus.CONFIRMED
    consent = True
