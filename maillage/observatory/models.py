"""Snapshots of the territory's ESS: small tables of figures, computed once, never edited.

Pages read these tables only; the big establishment files are read by the computation
(`figures/compute.py`) and never on the request path.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models

from maillage.observatory.enums import (
    AreaLevel,
    Denominator,
    Dimension,
    Indicator,
    RunStatus,
    SourceKind,
)


class ImmutableError(Exception):
    """A snapshot or its figures were about to change after being recorded."""


class SnapshotQuerySet(models.QuerySet["Snapshot"]):
    def by_data_date(self) -> SnapshotQuerySet:
        return self.order_by("data_date", "computed_at")

    def latest_first(self) -> SnapshotQuerySet:
        return self.order_by("-data_date", "-computed_at")

    def for_territory(self, name: str) -> SnapshotQuerySet:
        return self.filter(territory_name=name)


class Snapshot(models.Model):
    """The ESS figures of one territory from one source at one data date, with their provenance."""

    source_kind = models.CharField("source", max_length=20, choices=SourceKind.choices)
    source_name = models.CharField("fichier(s) source", max_length=500)
    checksum = models.CharField("empreinte SHA-256 de la source", max_length=64)
    data_date = models.DateField("date des données")
    territory_name = models.CharField("territoire", max_length=200)
    territory_definition = models.JSONField("définition du territoire")
    method_version = models.CharField("version de la méthode", max_length=20)
    content_hash = models.CharField("empreinte du calcul", max_length=64, unique=True)
    family_overrides = models.PositiveIntegerField(
        "organisations classées par l’équipe contre la règle", default=0
    )
    denominator = models.CharField(
        "dénominateur de la part", max_length=20, choices=Denominator.choices
    )
    denominator_note = models.CharField("source du dénominateur", max_length=500, blank=True)
    computed_at = models.DateTimeField("calculé le", auto_now_add=True)

    objects = SnapshotQuerySet.as_manager()

    class Meta:
        verbose_name = "instantané de l’observatoire"
        verbose_name_plural = "instantanés de l’observatoire"
        ordering = ["-data_date", "-computed_at"]

    def __str__(self) -> str:
        return (
            f"{self.territory_name} – {self.data_date:%d/%m/%Y} ({self.get_source_kind_display()})"
        )

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ImmutableError("Un instantané ne se modifie pas : calculez-en un nouveau.")
        super().save(*args, **kwargs)

    @property
    def drills_down(self) -> bool:
        """Figures link to directory entries only when they were counted from the directory."""
        return self.source_kind == SourceKind.DIRECTORY


class FigureQuerySet(models.QuerySet["Figure"]):
    def of(self, dimension: Dimension) -> FigureQuerySet:
        return self.filter(dimension=dimension)


class Figure(models.Model):
    """One row of a snapshot's tables: counts and jobs for an area, a family, a sector…"""

    snapshot = models.ForeignKey(
        Snapshot, on_delete=models.CASCADE, related_name="figures", verbose_name="instantané"
    )
    dimension = models.CharField("dimension", max_length=20, choices=Dimension.choices)
    key = models.CharField("code", max_length=20)
    label = models.CharField("libellé", max_length=300)
    level = models.CharField(
        "niveau", max_length=20, choices=AreaLevel.choices, blank=True
    )  # areas only
    parent = models.CharField("rattachement", max_length=20, blank=True)  # a commune's EPCI
    position = models.PositiveIntegerField("ordre", default=0)
    establishments = models.PositiveIntegerField("établissements de l’ESS")
    employers = models.PositiveIntegerField("établissements employeurs de l’ESS")
    jobs_low = models.PositiveIntegerField("emplois (borne basse)")
    jobs_mid = models.DecimalField("emplois (estimation)", max_digits=12, decimal_places=1)
    jobs_high = models.PositiveIntegerField("emplois (borne haute)")
    unknown_brackets = models.PositiveIntegerField("tranche d’effectif absente", default=0)
    known_headcounts = models.PositiveIntegerField(
        "établissements à effectif salarié connu", default=0
    )
    hidden = models.PositiveIntegerField("établissements masqués dans l’annuaire", default=0)
    all_establishments = models.PositiveIntegerField(
        "établissements tous secteurs", null=True, blank=True
    )
    all_jobs = models.DecimalField(
        "emplois salariés tous secteurs", max_digits=12, decimal_places=1, null=True, blank=True
    )
    population = models.PositiveIntegerField("population", null=True, blank=True)

    objects = FigureQuerySet.as_manager()

    class Meta:
        verbose_name = "chiffre"
        ordering = ["snapshot", "dimension", "position", "key"]
        constraints = [
            models.UniqueConstraint(
                fields=["snapshot", "dimension", "key"], name="figure_unique_per_dimension"
            ),
            models.CheckConstraint(
                condition=models.Q(jobs_low__lte=models.F("jobs_high")),
                name="figure_job_bounds_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(employers__lte=models.F("establishments")),
                name="figure_employers_within_establishments",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_dimension_display()} {self.label}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ImmutableError("Les chiffres d’un instantané ne se modifient pas.")
        super().save(*args, **kwargs)

    @property
    def jobs(self) -> int:
        """The estimate, rounded to whole jobs for display."""
        return int(self.jobs_mid.quantize(Decimal("1"), rounding="ROUND_HALF_UP"))

    @property
    def job_share(self) -> Decimal | None:
        if not self.all_jobs:
            return None
        return self.jobs_mid * 100 / self.all_jobs

    @property
    def jobs_per_thousand(self) -> Decimal | None:
        if not self.population:
            return None
        return self.jobs_mid * 1000 / self.population


class ReferenceFigure(models.Model):
    """A figure published elsewhere or entered by staff, with its source: a comparison point,
    or the all-sector jobs denominator when the source file holds ESS rows only."""

    area_name = models.CharField("territoire", max_length=200)
    area_code = models.CharField(
        "code du territoire",
        max_length=100,
        blank=True,
        help_text="Identifiant du territoire du pôle, ou code INSEE d’une commune.",
    )
    perimeter = models.CharField("périmètre", max_length=300, blank=True)
    indicator = models.CharField("indicateur", max_length=40, choices=Indicator.choices)
    value = models.DecimalField("valeur", max_digits=14, decimal_places=2)
    unit = models.CharField("unité", max_length=50)
    data_year = models.CharField("millésime des données", max_length=50)
    publication = models.CharField("publication", max_length=300)
    producer = models.CharField("producteur", max_length=200)
    url = models.URLField("adresse de la source", max_length=500, blank=True)
    remark = models.CharField("remarque", max_length=500, blank=True)
    created_at = models.DateTimeField("saisi le", auto_now_add=True)

    class Meta:
        verbose_name = "chiffre de référence"
        verbose_name_plural = "chiffres de référence"
        ordering = ["area_name", "indicator", "data_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["area_name", "indicator", "data_year", "publication"],
                name="reference_figure_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.area_name} – {self.get_indicator_display()} ({self.data_year})"


class PreparedVintageQuerySet(models.QuerySet["PreparedVintage"]):
    def latest_first(self) -> PreparedVintageQuerySet:
        return self.order_by("-data_date", "-requested_at", "-pk")

    def ready(self) -> PreparedVintageQuerySet:
        return self.filter(status=RunStatus.SUCCEEDED)

    def unfinished(self) -> PreparedVintageQuerySet:
        return self.filter(status__in=[RunStatus.QUEUED, RunStatus.RUNNING])


class PreparedVintage(models.Model):
    """A national SIRENE stock read once for one data vintage: its aggregates and the slim rows
    every territory's snapshot reads instead of the stock (`sources/prepared.py`), with their
    provenance. Asked for from the staff page or the `prepare_vintage` command."""

    data_date = models.DateField("date du millésime")
    establishments_path = models.CharField("fichier d’établissements", max_length=1000)
    units_path = models.CharField("fichier d’unités légales", max_length=1000)
    source_name = models.CharField("fichiers source", max_length=500)
    checksum = models.CharField("empreinte SHA-256 des fichiers source", max_length=64, blank=True)
    folder = models.CharField("dossier des données préparées", max_length=200, blank=True)
    establishments = models.PositiveBigIntegerField("établissements lus", null=True, blank=True)
    status = models.CharField(
        "état", max_length=20, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    step = models.CharField("étape en cours", max_length=200, blank=True)
    message = models.TextField("message", blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="demandé par",
    )
    requested_at = models.DateTimeField("demandé le", auto_now_add=True)
    started_at = models.DateTimeField("commencé le", null=True, blank=True)
    prepared_at = models.DateTimeField("préparé le", null=True, blank=True)

    objects = PreparedVintageQuerySet.as_manager()

    class Meta:
        verbose_name = "millésime SIRENE préparé"
        verbose_name_plural = "millésimes SIRENE préparés"
        ordering = ["-data_date", "-requested_at"]
        constraints = [
            # The same files are prepared once: a second preparation is refused, not stored.
            models.UniqueConstraint(
                fields=["checksum"],
                condition=models.Q(status=RunStatus.SUCCEEDED),
                name="prepared_vintage_once_per_stock",
            )
        ]

    def __str__(self) -> str:
        return f"Millésime SIRENE du {self.data_date:%d/%m/%Y}"

    @property
    def seconds(self) -> float | None:
        if self.started_at is None or self.prepared_at is None:
            return None
        return (self.prepared_at - self.started_at).total_seconds()


class SnapshotRunQuerySet(models.QuerySet["SnapshotRun"]):
    def latest_first(self) -> SnapshotRunQuerySet:
        return self.order_by("-requested_at", "-pk")

    def unfinished(self) -> SnapshotRunQuerySet:
        return self.filter(status__in=[RunStatus.QUEUED, RunStatus.RUNNING])


class SnapshotRun(models.Model):
    """A computation asked for from the staff page, followed while the task runs."""

    source_kind = models.CharField("source", max_length=20, choices=SourceKind.choices)
    establishments_path = models.CharField("fichier d’établissements", max_length=1000, blank=True)
    units_path = models.CharField("fichier d’unités légales", max_length=1000, blank=True)
    data_date = models.DateField("date des données", null=True, blank=True)
    vintage = models.ForeignKey(
        PreparedVintage,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="millésime préparé",
    )
    status = models.CharField(
        "état", max_length=20, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    message = models.TextField("message", blank=True)
    snapshot = models.ForeignKey(
        Snapshot, on_delete=models.SET_NULL, null=True, blank=True, verbose_name="instantané"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="demandé par",
    )
    requested_at = models.DateTimeField("demandé le", auto_now_add=True)
    finished_at = models.DateTimeField("terminé le", null=True, blank=True)

    objects = SnapshotRunQuerySet.as_manager()

    class Meta:
        verbose_name = "calcul de l’observatoire"
        verbose_name_plural = "calculs de l’observatoire"
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.get_source_kind_display()} ({self.get_status_display()})"
