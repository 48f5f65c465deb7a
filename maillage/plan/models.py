"""The hub's plan: values, vision and purpose, objectives and actions, target publics, identity.

Loaded from the hub's `plan.yaml` (see loading.py) and editable in the admin. Objectives, actions
and publics carry a stable `code` or `slug`: records of the hub's work link to them (links.py),
so they are deactivated, never deleted, when they leave the plan.
"""

from __future__ import annotations

from typing import Self, TypeVar

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse

from maillage.plan.enums import PublicCategory, Scope, TextKind

MARKDOWN_HELP = "Texte au format Markdown (titres ###, listes, liens, gras)."


_M = TypeVar("_M", bound=models.Model)


class ActiveQuerySet(models.QuerySet[_M]):
    def active(self) -> Self:
        return self.filter(is_active=True)


# Values


class ValueFamily(models.Model):
    slug = models.SlugField("identifiant", max_length=100, unique=True)
    title = models.CharField("intitulé", max_length=300)
    position = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "famille de valeurs"
        verbose_name_plural = "familles de valeurs"
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class ValueItem(models.Model):
    family = models.ForeignKey(
        ValueFamily, on_delete=models.CASCADE, related_name="items", verbose_name="famille"
    )
    position = models.PositiveSmallIntegerField("ordre", default=0)
    text = models.CharField("valeur", max_length=300)

    class Meta:
        verbose_name = "valeur"
        verbose_name_plural = "valeurs"
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["family", "position"], name="plan_value_item_position")
        ]

    def __str__(self) -> str:
        return self.text


class PlanText(models.Model):
    """The values' introduction, the vision and the purpose (Markdown)."""

    kind = models.CharField("texte", max_length=20, choices=TextKind.choices, unique=True)
    body = models.TextField("contenu", help_text=MARKDOWN_HELP)

    class Meta:
        verbose_name = "texte du projet"
        verbose_name_plural = "textes du projet"
        ordering = ["kind"]

    def __str__(self) -> str:
        return self.get_kind_display()


# Objectives and actions


class Objective:
    """What strategic and operational objectives share: their title and their place on the
    project page."""

    code: str
    title: str

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"

    def get_absolute_url(self) -> str:
        return f"{reverse('plan:project')}#{self.anchor}"

    @property
    def anchor(self) -> str:
        return f"objectif-{self.code}"


class StrategicObjective(Objective, models.Model):
    code = models.CharField("code", max_length=10, unique=True, help_text="Par exemple « 1 ».")
    title = models.TextField("intitulé")
    short_title = models.CharField(
        "intitulé court", max_length=200, blank=True, help_text="Par exemple « sensibilisation »."
    )
    position = models.PositiveSmallIntegerField("ordre", default=0)
    is_active = models.BooleanField("en vigueur", default=True)

    objects = ActiveQuerySet.as_manager()

    class Meta:
        verbose_name = "objectif stratégique"
        verbose_name_plural = "objectifs stratégiques"
        ordering = ["position", "code"]


class OperationalObjective(Objective, models.Model):
    strategic_objective = models.ForeignKey(
        StrategicObjective,
        on_delete=models.CASCADE,
        related_name="operational_objectives",
        verbose_name="objectif stratégique",
    )
    code = models.CharField("code", max_length=10, unique=True, help_text="Par exemple « 2a ».")
    title = models.TextField("intitulé")
    position = models.PositiveSmallIntegerField("ordre", default=0)
    is_active = models.BooleanField("en vigueur", default=True)

    objects = ActiveQuerySet.as_manager()

    class Meta:
        verbose_name = "objectif opérationnel"
        verbose_name_plural = "objectifs opérationnels"
        ordering = ["position", "code"]


class Action(models.Model):
    """An action of an operational objective; a sub-action has a parent action."""

    operational_objective = models.ForeignKey(
        OperationalObjective,
        on_delete=models.CASCADE,
        related_name="actions",
        verbose_name="objectif opérationnel",
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name="action parente",
    )
    code = models.CharField(
        "code", max_length=20, unique=True, help_text="Par exemple « 2a.1 » ou « 2a.1.2 »."
    )
    title = models.TextField("intitulé")
    position = models.PositiveSmallIntegerField("ordre", default=0)
    is_active = models.BooleanField("en vigueur", default=True)

    objects = ActiveQuerySet.as_manager()

    class Meta:
        verbose_name = "action"
        verbose_name_plural = "actions"
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def get_absolute_url(self) -> str:
        return f"{reverse('plan:project')}#{self.anchor}"

    @property
    def anchor(self) -> str:
        return "action-" + self.code.replace(".", "-")


# Target publics


class TargetPublic(models.Model):
    """A public the plan addresses, shared by every objective that names it."""

    slug = models.SlugField("identifiant", max_length=100, unique=True)
    name = models.CharField("nom", max_length=300)
    category = models.CharField("catégorie", max_length=40, choices=PublicCategory.choices)
    is_active = models.BooleanField("en vigueur", default=True)

    objects = ActiveQuerySet.as_manager()

    class Meta:
        verbose_name = "public visé"
        verbose_name_plural = "publics visés"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PublicGroup(models.Model):
    """The publics of a strategic objective for one kind of work, with the reach of that work."""

    strategic_objective = models.ForeignKey(
        StrategicObjective,
        on_delete=models.CASCADE,
        related_name="public_groups",
        verbose_name="objectif stratégique",
    )
    position = models.PositiveSmallIntegerField("ordre", default=0)
    label = models.CharField(
        "intitulé", max_length=200, blank=True, help_text="Par exemple « Accompagnement »."
    )
    scope = models.CharField("périmètre", max_length=30, choices=Scope.choices)
    scope_label = models.CharField(
        "périmètre (formulation du document)",
        max_length=300,
        help_text="Par exemple « sur le territoire du pôle uniquement ».",
    )
    publics = models.ManyToManyField(
        TargetPublic,
        through="PublicGroupEntry",
        related_name="groups",
        verbose_name="publics",
    )

    class Meta:
        verbose_name = "groupe de publics"
        verbose_name_plural = "groupes de publics"
        ordering = ["strategic_objective__position", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["strategic_objective", "position"], name="plan_public_group_position"
            )
        ]

    def __str__(self) -> str:
        label = f" – {self.label}" if self.label else ""
        return f"Objectif {self.strategic_objective.code}{label} ({self.scope_label})"


class PublicGroupEntry(models.Model):
    group = models.ForeignKey(
        PublicGroup, on_delete=models.CASCADE, related_name="entries", verbose_name="groupe"
    )
    public = models.ForeignKey(
        TargetPublic, on_delete=models.PROTECT, related_name="entries", verbose_name="public"
    )
    position = models.PositiveSmallIntegerField("ordre", default=0)
    wording = models.CharField(
        "formulation",
        max_length=300,
        blank=True,
        help_text="Formulation propre à cet objectif ; vide : le nom du public.",
    )

    class Meta:
        verbose_name = "public du groupe"
        verbose_name_plural = "publics du groupe"
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["group", "position"], name="plan_public_entry_position")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.wording or self.public.name


# Identity


class IdentitySection(models.Model):
    """A section of the "Qui sommes-nous" page."""

    slug = models.SlugField("identifiant", max_length=100, unique=True)
    title = models.CharField("titre", max_length=200)
    body = models.TextField("contenu", help_text=MARKDOWN_HELP)
    position = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "section de présentation"
        verbose_name_plural = "sections de présentation"
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


# Links from any record of the hub's work to the plan (API in links.py)


class ActionLink(models.Model):
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name="type de fiche"
    )
    # Integer primary keys only: every model of maillage uses BigAutoField.
    object_id = models.PositiveBigIntegerField("identifiant de la fiche")
    record = GenericForeignKey("content_type", "object_id")
    action = models.ForeignKey(
        Action, on_delete=models.PROTECT, related_name="links", verbose_name="action"
    )

    class Meta:
        verbose_name = "lien vers une action"
        verbose_name_plural = "liens vers des actions du projet"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "action"], name="plan_action_link_unique"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="plan_action_link_rec")]

    def __str__(self) -> str:
        return f"{self.content_type} {self.object_id} → {self.action.code}"


class PublicLink(models.Model):
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name="type de fiche"
    )
    object_id = models.PositiveBigIntegerField("identifiant de la fiche")
    record = GenericForeignKey("content_type", "object_id")
    public = models.ForeignKey(
        TargetPublic, on_delete=models.PROTECT, related_name="links", verbose_name="public"
    )

    class Meta:
        verbose_name = "lien vers un public"
        verbose_name_plural = "liens vers des publics visés"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "public"], name="plan_public_link_unique"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="plan_public_link_rec")]

    def __str__(self) -> str:
        return f"{self.content_type} {self.object_id} → {self.public.slug}"
