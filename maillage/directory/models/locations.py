"""Where an entry lies when a file or the geocoder could only guess: staff confirm or refuse."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from maillage.directory.enums import LocationCheckKind, LocationCheckStatus
from maillage.directory.models.imports import ImportRun
from maillage.directory.models.organisations import Establishment
from maillage.territory.models import Commune


class LocationCheckQuerySet(models.QuerySet):
    def pending(self) -> LocationCheckQuerySet:
        return self.filter(status=LocationCheckStatus.PENDING)


class LocationCheck(models.Model):
    """A commune proposed for a name written « Le prahecq », or an address the geocoder placed
    with a low score: never taken until a staff member says so."""

    establishment = models.ForeignKey(
        Establishment,
        on_delete=models.CASCADE,
        related_name="location_checks",
        verbose_name="fiche",
    )
    kind = models.CharField("nature", max_length=10, choices=LocationCheckKind.choices)
    written = models.CharField("tel qu’écrit dans la source", max_length=300)
    reason = models.CharField("motif", max_length=300)
    commune = models.ForeignKey(
        Commune,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="commune proposée",
    )
    longitude = models.FloatField("longitude proposée", null=True, blank=True)
    latitude = models.FloatField("latitude proposée", null=True, blank=True)
    score = models.FloatField("score du géocodage", null=True, blank=True)
    label = models.CharField("adresse trouvée", max_length=300, blank=True)
    run = models.ForeignKey(
        ImportRun,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="import",
    )
    status = models.CharField(
        "état",
        max_length=10,
        choices=LocationCheckStatus.choices,
        default=LocationCheckStatus.PENDING,
    )
    created_at = models.DateTimeField("proposée le", auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="décidée par",
    )
    decided_at = models.DateTimeField("décidée le", null=True, blank=True)

    objects = LocationCheckQuerySet.as_manager()

    class Meta:
        verbose_name = "lieu à confirmer"
        verbose_name_plural = "lieux à confirmer"
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["establishment", "kind"],
                condition=Q(status=LocationCheckStatus.PENDING),
                name="location_check_one_pending_per_kind",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} : {self.written}"
