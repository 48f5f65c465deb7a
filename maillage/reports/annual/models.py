"""The yearly activity report: the staff's texts for a year, and its frozen versions.

Figures are never stored while the report is a draft: they are counted from the records each
time. Freezing stores the whole content (figures and texts) as JSON, so a frozen version never
changes when records change later; publishing a frozen version makes it a public page.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse

PLAIN_TEXT = "Texte simple : une ligne vide sépare deux paragraphes."


class AnnualReport(models.Model):
    year = models.PositiveSmallIntegerField("année", unique=True)
    moral_report = models.TextField("rapport moral", blank=True, help_text=PLAIN_TEXT)
    governance = models.TextField(
        "gouvernance (conseil d’administration, bureau)", blank=True, help_text=PLAIN_TEXT
    )
    team = models.TextField("équipe salariée et bénévole", blank=True, help_text=PLAIN_TEXT)
    partnerships = models.TextField("partenariats et réseaux", blank=True, help_text=PLAIN_TEXT)
    outlook = models.TextField("perspectives", blank=True, help_text=PLAIN_TEXT)
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    class Meta:
        verbose_name = "rapport d’activité"
        verbose_name_plural = "rapports d’activité"
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"Rapport d’activité {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("annual:report", args=[self.year])


class ObjectiveText(models.Model):
    """What the staff say of one strategic objective in a year: highlights and difficulties."""

    report = models.ForeignKey(
        AnnualReport, on_delete=models.CASCADE, related_name="objective_texts"
    )
    objective = models.ForeignKey(
        "plan.StrategicObjective", on_delete=models.PROTECT, related_name="+"
    )
    highlights = models.TextField("faits marquants", blank=True, help_text=PLAIN_TEXT)
    difficulties = models.TextField("difficultés", blank=True, help_text=PLAIN_TEXT)

    class Meta:
        verbose_name = "texte d’un objectif"
        verbose_name_plural = "textes des objectifs"
        constraints = [
            models.UniqueConstraint(fields=["report", "objective"], name="objective_text_once")
        ]

    def __str__(self) -> str:
        return f"{self.report} – objectif {self.objective_id}"


class FrozenVersionQuerySet(models.QuerySet["FrozenVersion"]):
    def published(self) -> FrozenVersionQuerySet:
        return self.filter(published_at__isnull=False)


class FrozenVersion(models.Model):
    report = models.ForeignKey(AnnualReport, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField("version")
    frozen_at = models.DateTimeField("figée le")
    # The report's whole content as it was (reports.annual.contents.ReportContent as JSON).
    content = models.JSONField("contenu figé")
    published_at = models.DateTimeField("publiée le", null=True, blank=True)

    objects = FrozenVersionQuerySet.as_manager()

    class Meta:
        verbose_name = "version figée"
        verbose_name_plural = "versions figées"
        ordering = ["report", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="frozen_version_number"),
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | Q(published_at__gte=models.F("frozen_at")),
                name="frozen_version_published_after_freezing",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report}, version {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("annual:version", args=[self.report.year, self.number])

    @property
    def is_published(self) -> bool:
        return self.published_at is not None
