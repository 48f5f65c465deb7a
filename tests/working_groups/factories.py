from datetime import timedelta

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from maillage.activities.enums import ActivityKind, Visibility
from maillage.network.working_groups.enums import WorkingGroupStatus
from maillage.network.working_groups.models import Document, GroupMember, Meeting, WorkingGroup
from tests.activities.factories import ActivityFactory
from tests.people.factories import PersonFactory

PDF = b"%PDF-1.4\n% fictitious minutes\n%%EOF\n"


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroup

    name = factory.Sequence(lambda n: f"Groupe de travail {n}")
    slug = factory.Sequence(lambda n: f"groupe-{n}")
    purpose = "Partager les pratiques et monter des projets communs."

    class Params:
        closed = factory.Trait(status=WorkingGroupStatus.CLOSED)
        paused = factory.Trait(status=WorkingGroupStatus.PAUSED)


class GroupMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GroupMember

    group = factory.SubFactory(WorkingGroupFactory)
    person = factory.SubFactory(PersonFactory)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    group = factory.SubFactory(WorkingGroupFactory)
    activity = factory.SubFactory(
        ActivityFactory,
        kind=ActivityKind.MEETING,
        visibility=Visibility.MEMBERS,
        requires_registration=False,
        capacity=None,
    )
    agenda = "1. Tour de table\n2. Projets communs"

    class Params:
        past = factory.Trait(
            activity=factory.SubFactory(
                ActivityFactory,
                kind=ActivityKind.MEETING,
                visibility=Visibility.MEMBERS,
                requires_registration=False,
                capacity=None,
                starts_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=20)),
            )
        )
        with_published_minutes = factory.Trait(
            minutes="Compte rendu publié : projets retenus.",
            minutes_published_at=factory.LazyFunction(timezone.now),
        )
        with_draft_minutes = factory.Trait(minutes="Brouillon du compte rendu, à relire.")


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    group = factory.SubFactory(WorkingGroupFactory)
    title = factory.Sequence(lambda n: f"Document de travail {n}")
    file = factory.LazyFunction(lambda: ContentFile(PDF, name="compte-rendu.pdf"))
    original_name = "compte-rendu.pdf"
    size = len(PDF)
