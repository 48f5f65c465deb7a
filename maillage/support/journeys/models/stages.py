"""The stages of a support journey, configured per hub (`support.yaml` in the hub folder)."""

from __future__ import annotations

from django.db import models


class StageQuerySet(models.QuerySet):
    def active(self) -> StageQuerySet:
        return self.filter(is_active=True)

    def final(self) -> StageQuerySet:
        return self.filter(is_final=True)

    def first_open(self) -> Stage | None:
        """Where a new case starts: the first active stage that is not final."""
        return self.active().filter(is_final=False).order_by("order", "pk").first()

    def closing(self) -> Stage | None:
        return self.active().final().order_by("order", "pk").first()


class Stage(models.Model):
    slug = models.SlugField("identifiant", max_length=50, unique=True)
    name = models.CharField("nom", max_length=100)
    order = models.PositiveSmallIntegerField("ordre", default=0)
    # Reaching a final stage closes the case, which needs its outcome form.
    is_final = models.BooleanField("étape finale (dossier clos)", default=False)
    # A stage removed from the hub's file is hidden, not deleted: past cases went through it.
    is_active = models.BooleanField("en vigueur", default=True)

    objects = StageQuerySet.as_manager()

    class Meta:
        verbose_name = "étape du parcours"
        verbose_name_plural = "étapes du parcours"
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name
