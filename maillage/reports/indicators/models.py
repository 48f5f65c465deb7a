"""Targets: what staff aim for, per plan action, indicator and year (the achieved is counted)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q


class TargetQuerySet(models.QuerySet["Target"]):
    def of_year(self, year: int) -> TargetQuerySet:
        return self.filter(year=year)


class Target(models.Model):
    action = models.ForeignKey(
        "plan.Action", on_delete=models.PROTECT, related_name="+", verbose_name="action"
    )
    # The slug of an indicator of the registry (`plan.indicators`).
    indicator = models.CharField("indicateur", max_length=50)
    year = models.PositiveSmallIntegerField("année")
    value = models.DecimalField("cible", max_digits=10, decimal_places=1)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    objects = TargetQuerySet.as_manager()

    class Meta:
        verbose_name = "cible"
        verbose_name_plural = "cibles"
        ordering = ["year", "action", "indicator"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "indicator", "year"], name="target_once_per_action_year"
            ),
            models.CheckConstraint(
                condition=Q(value__gte=0),
                name="target_not_negative",
                violation_error_message="Une cible ne peut pas être négative.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.indicator} : {self.value}"
