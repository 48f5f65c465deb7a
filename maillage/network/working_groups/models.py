"""Thematic working groups of the hub's members, their members, meetings and documents."""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import PurePath

from django.db import models
from django.urls import reverse
from django.utils import timezone

from maillage.activities.enums import ActivityStatus
from maillage.core.form_tokens import token_field
from maillage.core.plain_text import PLAIN_TEXT_HELP
from maillage.core.storage import PrivateStorage
from maillage.network.working_groups.enums import JOINABLE_STATUSES, WorkingGroupStatus
from maillage.plan.links import PlanLinked

__all__ = ["Document", "GroupMember", "Meeting", "WorkingGroup", "WorkingGroupStatus"]


class WorkingGroupQuerySet(models.QuerySet):
    def open(self) -> WorkingGroupQuerySet:
        return self.exclude(status=WorkingGroupStatus.CLOSED)

    def closed(self) -> WorkingGroupQuerySet:
        return self.filter(status=WorkingGroupStatus.CLOSED)

    def with_member(self, person) -> WorkingGroupQuerySet:
        return self.filter(memberships__person=person)

    def with_member_count(self) -> WorkingGroupQuerySet:
        return self.annotate(member_count=models.Count("memberships", distinct=True))


class WorkingGroup(PlanLinked):
    """A thematic working group of members (a cooperative workshop, a commission…)."""

    name = models.CharField("nom", max_length=200, unique=True)
    slug = models.SlugField("identifiant", max_length=120, unique=True)
    purpose = models.TextField("objet", help_text=PLAIN_TEXT_HELP)
    status = models.CharField(
        "statut",
        max_length=20,
        choices=WorkingGroupStatus.choices,
        default=WorkingGroupStatus.ACTIVE,
    )
    facilitator = models.ForeignKey(
        "people.Person",
        verbose_name="animateur ou animatrice",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="facilitated_groups",
    )
    created_on = models.DateField("créé le", auto_now_add=True)
    submission_token = token_field()

    objects = WorkingGroupQuerySet.as_manager()

    class Meta:
        verbose_name = "groupe de travail"
        verbose_name_plural = "groupes de travail"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("working_groups:detail", args=[self.slug])

    @property
    def is_joinable(self) -> bool:
        return self.status in JOINABLE_STATUSES

    def has_member(self, person) -> bool:
        return person is not None and self.memberships.filter(person=person).exists()


class GroupMember(models.Model):
    group = models.ForeignKey(
        WorkingGroup, verbose_name="groupe", on_delete=models.CASCADE, related_name="memberships"
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name="personne",
        on_delete=models.CASCADE,
        related_name="group_memberships",
    )
    joined_on = models.DateField("depuis le", auto_now_add=True)

    class Meta:
        verbose_name = "membre du groupe"
        verbose_name_plural = "membres du groupe"
        constraints = [
            models.UniqueConstraint(fields=["group", "person"], name="group_member_once")
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.group}"


class MeetingQuerySet(models.QuerySet):
    def upcoming(self, now: datetime | None = None) -> MeetingQuerySet:
        return self.filter(activity__ends_at__gte=now or timezone.now()).order_by(
            "activity__starts_at", "pk"
        )

    def past(self, now: datetime | None = None) -> MeetingQuerySet:
        return self.filter(activity__ends_at__lt=now or timezone.now()).order_by(
            "-activity__starts_at", "-pk"
        )

    def not_cancelled(self) -> MeetingQuerySet:
        return self.exclude(activity__status=ActivityStatus.CANCELLED)


class Meeting(models.Model):
    """A meeting of a group: an activity of the agenda, with the group's agenda and minutes."""

    group = models.ForeignKey(
        WorkingGroup, on_delete=models.CASCADE, related_name="meetings", verbose_name="groupe"
    )
    activity = models.OneToOneField(
        "activities.Activity",
        on_delete=models.CASCADE,
        related_name="group_meeting",
        verbose_name="activité",
    )
    agenda = models.TextField("ordre du jour", blank=True, help_text=PLAIN_TEXT_HELP)
    minutes = models.TextField("compte rendu", blank=True, help_text=PLAIN_TEXT_HELP)
    minutes_published_at = models.DateTimeField("compte rendu publié le", null=True, blank=True)
    submission_token = token_field()

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = "réunion de groupe"
        verbose_name_plural = "réunions de groupe"
        ordering = ["-activity__starts_at", "-pk"]

    def __str__(self) -> str:
        return str(self.activity)

    @property
    def minutes_are_published(self) -> bool:
        return self.minutes_published_at is not None


def document_path(document: Document, filename: str) -> str:
    """A random name: the uploader's file name is kept only as the download name."""
    return f"groupes/{document.group_id}/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class Document(models.Model):
    group = models.ForeignKey(
        WorkingGroup, on_delete=models.CASCADE, related_name="documents", verbose_name="groupe"
    )
    title = models.CharField("titre", max_length=200)
    file = models.FileField(
        "fichier",
        upload_to=document_path,
        storage=PrivateStorage("WORKING_GROUP_DOCUMENTS_ROOT"),
        max_length=300,
    )
    original_name = models.CharField("nom du fichier envoyé", max_length=255)
    size = models.PositiveIntegerField("taille (octets)")
    uploaded_by = models.ForeignKey(
        "people.Person",
        verbose_name="déposé par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="group_documents",
    )
    uploaded_at = models.DateTimeField("déposé le", default=timezone.now)

    class Meta:
        verbose_name = "document de groupe"
        verbose_name_plural = "documents de groupe"
        ordering = ["-uploaded_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "title"],
                name="group_document_title_once",
                violation_error_message="Un document de ce titre existe déjà dans le groupe.",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("working_groups:document", args=[self.group.slug, self.pk])

    @property
    def extension(self) -> str:
        return PurePath(self.file.name).suffix.lstrip(".").upper()
