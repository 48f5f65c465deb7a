"""Who represents the hub in which body, since when, until when, and what they reported back."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from maillage.core.form_tokens import token_field
from maillage.reports.funding.enums import BodyKind


class Body(models.Model):
    """A body the hub sits in: the CRESS, a local council, a network…"""

    name = models.CharField("nom", max_length=200, unique=True)
    kind = models.CharField("type d’instance", max_length=20, choices=BodyKind.choices)

    class Meta:
        verbose_name = "instance"
        verbose_name_plural = "instances"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MandateQuerySet(models.QuerySet["Mandate"]):
    def current(self, on: date) -> MandateQuerySet:
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on), starts_on__lte=on)

    def during(self, first: date, last: date) -> MandateQuerySet:
        """Mandates held on at least one day between `first` and `last`."""
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=first), starts_on__lte=last)


class Mandate(models.Model):
    """A person of the address book representing the hub in a body."""

    body = models.ForeignKey(
        Body, verbose_name="instance", on_delete=models.PROTECT, related_name="mandates"
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name="représentant ou représentante",
        on_delete=models.CASCADE,
        related_name="hub_mandates",
    )
    role = models.CharField(
        "qualité", max_length=100, blank=True, help_text="Titulaire, suppléant, membre du bureau…"
    )
    starts_on = models.DateField("depuis le")
    ends_on = models.DateField("jusqu’au", null=True, blank=True)
    submission_token = token_field()

    objects = MandateQuerySet.as_manager()

    class Meta:
        verbose_name = "mandat de représentation"
        verbose_name_plural = "mandats de représentation"
        ordering = ["body__name", "-starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="mandate_ends_after_it_starts",
                violation_error_message="La fin du mandat suit son début.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.body}"

    def get_absolute_url(self) -> str:
        return reverse("funding:mandate", args=[self.pk])


class MandateReport(models.Model):
    """What the representative reported back to the hub after a meeting of the body."""

    mandate = models.ForeignKey(
        Mandate, verbose_name="mandat", on_delete=models.CASCADE, related_name="reports"
    )
    held_on = models.DateField("réunion du")
    text = models.TextField("compte rendu")
    submission_token = token_field()

    class Meta:
        verbose_name = "compte rendu de mandat"
        verbose_name_plural = "comptes rendus de mandat"
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.mandate} – {self.held_on}"
