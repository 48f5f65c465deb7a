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
