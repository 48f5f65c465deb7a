"""The geocoding of an entry's address, when no source gave its coordinates."""

from __future__ import annotations

from datetime import datetime

from django.db import models
from django.db.models import Q

from maillage.directory.enums import GeocodingStatus
from maillage.directory.models.organisations import Establishment


class GeocodingQuerySet(models.QuerySet):
    def due(self, now: datetime) -> GeocodingQuerySet:
        """Waiting, and not held by a running batch nor waiting for the service to come back."""
        waiting = self.filter(status=GeocodingStatus.PENDING)
        return waiting.filter(Q(retry_after__isnull=True) | Q(retry_after__lte=now))


class Geocoding(models.Model):
    establishment = models.OneToOneField(
        Establishment, on_delete=models.CASCADE, related_name="geocoding", verbose_name="fiche"
    )
    status = models.CharField(
        "état", max_length=12, choices=GeocodingStatus.choices, default=GeocodingStatus.PENDING
    )
    score = models.FloatField("score", null=True, blank=True)
    label = models.CharField("adresse trouvée", max_length=300, blank=True)
    attempts = models.PositiveSmallIntegerField("essais sans réponse du service", default=0)
    last_error = models.CharField("dernière erreur", max_length=300, blank=True)
    # A batch holds its rows until then; after a failure, the next attempt waits until then.
    retry_after = models.DateTimeField("pas avant", null=True, blank=True)
    updated_at = models.DateTimeField("mis à jour le", auto_now=True)

    objects = GeocodingQuerySet.as_manager()

    class Meta:
        verbose_name = "géocodage"
        verbose_name_plural = "géocodages"
        indexes = [models.Index(fields=["status", "retry_after"], name="geocoding_due")]

    def __str__(self) -> str:
        return f"{self.establishment_id} : {self.get_status_display()}"
