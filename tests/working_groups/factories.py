import factory

from maillage.network.working_groups.models import GroupMember, WorkingGroup
from tests.people.factories import PersonFactory


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroup

    name = factory.Sequence(lambda n: f"Groupe de travail {n}")
    slug = factory.Sequence(lambda n: f"groupe-{n}")
    purpose = "Partager les pratiques et monter des projets communs."


class GroupMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GroupMember

    group = factory.SubFactory(WorkingGroupFactory)
    person = factory.SubFactory(PersonFactory)
