import factory

from maillage.accounts.enums import Role
from maillage.accounts.models import User

PASSWORD = "mot-de-passe-de-test-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"personne{n}@exemple.org")
    full_name = factory.Faker("name", locale="fr_FR")
    role = Role.MEMBER
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    class Params:
        staff = factory.Trait(role=Role.STAFF)
        administrator = factory.Trait(role=Role.ADMINISTRATOR)
        partner = factory.Trait(role=Role.PARTNER)

    @factory.post_generation
    def saved(self, create, extracted, **kwargs):
        if create:
            self.save()

    @factory.post_generation
    def current_member(self, create, extracted, **kwargs):
        """`UserFactory(current_member=True)`: an address-book entry linked to the account with
        a paid membership of this year, which members-only access asks (ADR 0018)."""
        if create and extracted:
            make_current_member(self)


def make_current_member(user):
    from django.utils import timezone

    from maillage.network.people.models import Person
    from tests.memberships.factories import MembershipFactory
    from tests.people.factories import PersonFactory

    person = Person.objects.filter(user=user).first() or PersonFactory(user=user, email=user.email)
    year = timezone.localdate().year
    return MembershipFactory(legal_unit=None, person=person, year=year, paid=True)
