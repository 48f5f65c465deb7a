from __future__ import annotations

from django.db import models


class ServiceStatus(models.TextChoices):
    DRAFT = "draft", "Brouillon"
    SUBMITTED = "submitted", "À valider par l’équipe"
    PUBLISHED = "published", "Publié"
    CLOSED = "closed", "Fermé"


class ServiceQuerySet(models.QuerySet):
    def published(self) -> ServiceQuerySet:
        return self.filter(status=ServiceStatus.PUBLISHED)


class Service(models.Model):
    """A support service a partner organisation offers to the territory's project holders."""

    provider = models.ForeignKey(
        "directory.LegalUnit",
        verbose_name="structure qui le propose",
        on_delete=models.PROTECT,
        related_name="services",
    )
    name = models.CharField("nom", max_length=200)
    description = models.TextField("description")
    status = models.CharField(
        "statut", max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.DRAFT
    )
    updated_at = models.DateTimeField("mis à jour le", auto_now=True)

    objects = ServiceQuerySet.as_manager()

    class Meta:
        verbose_name = "service d’accompagnement"
        verbose_name_plural = "services d’accompagnement"
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_open(self) -> bool:
        return self.status == ServiceStatus.PUBLISHED
