import factory
from django.utils import timezone

from maillage.needs.enums import Visibility
from maillage.needs.models import Criterion, Need, Theme


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"theme-{n}")
    name = factory.Sequence(lambda n: f"Thème {n}")


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    slug = factory.Sequence(lambda n: f"critere-{n}")
    name = factory.Sequence(lambda n: f"Critère {n}")


class NeedFactory(factory.django.DjangoModelFactory):
    """A confirmed public need, just expressed; traits for the other visibilities."""

    class Meta:
        model = Need

    title = factory.Sequence(lambda n: f"Besoin numéro {n}")
    description = "Un besoin partagé par plusieurs habitants."
    confirmed_at = factory.LazyFunction(timezone.now)
    visibility = Visibility.PUBLIC

    class Params:
        private = factory.Trait(visibility=Visibility.PRIVATE)
        members_only = factory.Trait(visibility=Visibility.MEMBERS)
        unconfirmed = factory.Trait(confirmed_at=None, contact_email="habitant@exemple.org")
