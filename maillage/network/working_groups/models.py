from __future__ import annotations

from django.db import models

from maillage.plan.links import PlanLinked


class WorkingGroupStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposé"
    ACTIVE = "active", "Actif"
    PAUSED = "paused", "En pause"
    CLOSED = "closed", "Clos"


class WorkingGroup(PlanLinked):
    """A thematic working group of members (a cooperative workshop, a commission…)."""

    name = models.CharField("nom", max_length=200, unique=True)
    slug = models.SlugField("identifiant", max_length=120, unique=True)
    purpose = models.TextField("objet", help_text="En Markdown.")
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

    class Meta:
        verbose_name = "groupe de travail"
        verbose_name_plural = "groupes de travail"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class GroupMember(models.Model):
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="group_memberships"
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
