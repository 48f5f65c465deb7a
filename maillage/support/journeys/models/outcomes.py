"""What came of a case when it closed: the figures the dashboard and the report count."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from maillage.support.journeys.enums import LegalForm
from maillage.support.journeys.models.cases import SupportCase


class Outcome(models.Model):
    case = models.OneToOneField(
        SupportCase, on_delete=models.CASCADE, related_name="outcome", verbose_name="dossier"
    )
    activity_created = models.BooleanField("activité créée")
    legal_form = models.CharField(
        "forme juridique", max_length=20, choices=LegalForm.choices, blank=True
    )
    jobs_created = models.PositiveIntegerField("emplois créés", default=0)
    structure = models.ForeignKey(
        "directory.LegalUnit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="structure créée",
    )
    funding_amount = models.DecimalField(
        "financements obtenus (€)", max_digits=12, decimal_places=2, null=True, blank=True
    )
    funding_source = models.CharField("origine des financements", max_length=300, blank=True)
    recorded_on = models.DateField("enregistré le")

    class Meta:
        verbose_name = "résultat d’accompagnement"
        verbose_name_plural = "résultats d’accompagnement"
        constraints = [
            models.CheckConstraint(
                condition=Q(funding_amount__isnull=True) | Q(funding_amount__gte=0),
                name="outcome_funding_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"Résultat : {self.case}"
