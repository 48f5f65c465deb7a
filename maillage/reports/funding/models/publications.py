"""The open-data file of grants as staff published it (ADR 0015): the public reads these bytes,
never the live records, so a grant is public only once staff have checked and published it."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import models
from django.urls import reverse

from maillage.core.form_tokens import token_field


@dataclass(frozen=True)
class PublishedGrant:
    giver: str
    beneficiary: str
    purpose: str
    amount: Decimal
    agreed_on: date


class PublicationQuerySet(models.QuerySet["GrantsPublication"]):
    def latest_first(self) -> PublicationQuerySet:
        return self.order_by("-published_at", "-pk")


class GrantsPublication(models.Model):
    """One publication of the file: its bytes as published, whatever the records became."""

    published_at = models.DateTimeField("publié le", auto_now_add=True)
    content = models.TextField("fichier CSV (SCDL « subventions » 2.1.1)")
    rows = models.PositiveIntegerField("subventions publiées")
    submission_token = token_field()

    objects = PublicationQuerySet.as_manager()

    class Meta:
        verbose_name = "publication des subventions"
        verbose_name_plural = "publications des subventions"

    def __str__(self) -> str:
        return f"Subventions publiées le {self.published_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("funding:published_grants")

    def records(self) -> list[PublishedGrant]:
        """The file's rows: what the public page lists, read from the bytes it offers."""
        return [
            PublishedGrant(
                row["nomAttribuant"],
                row["nomBeneficiaire"],
                row["objet"],
                Decimal(row["montant"]),
                date.fromisoformat(row["dateConvention"]),
            )
            for row in csv.DictReader(io.StringIO(self.content))
        ]
