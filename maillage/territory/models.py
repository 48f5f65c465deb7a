"""The administrative ground of the hub: régions, départements, EPCI, communes and the territory.

Codes are INSEE's (the SIREN for an EPCI). Outlines are GeoJSON geometries in WGS 84, rounded
to 5 decimals (about 1 m), stored as JSON so that SQLite and PostgreSQL behave alike.
"""

from __future__ import annotations

from django.db import models

from maillage.territory.enums import CommuneNameKind, OldCodeKind


class Division(models.Model):
    """What every administrative level has: an INSEE code, a name and a dated population."""

    code = models.CharField("code INSEE", max_length=9, unique=True)
    name = models.CharField("nom", max_length=200)
    population = models.PositiveIntegerField("population municipale", null=True, blank=True)
    population_vintage = models.CharField("millésime de la population", max_length=100, blank=True)

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Region(Division):
    class Meta(Division.Meta):
        verbose_name = "région"


class Departement(Division):
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="departements", verbose_name="région"
    )

    class Meta(Division.Meta):
        verbose_name = "département"


class Epci(Division):
    """An EPCI à fiscalité propre; its INSEE code is its SIREN."""

    kind = models.CharField("nature juridique", max_length=10, blank=True)

    class Meta(Division.Meta):
        verbose_name = "EPCI"
        verbose_name_plural = "EPCI"

    @property
    def siren(self) -> str:
        return self.code


class CommuneQuerySet(models.QuerySet["Commune"]):
    def in_territory(self, territory: Territory) -> CommuneQuerySet:
        return self.filter(territories=territory)

    def resolve_code(self, code: str) -> Commune | None:
        """The current commune a code names, whether current or old (merged, delegated…)."""
        code = (code or "").strip().upper()
        if not code:
            return None
        commune = self.filter(code=code).first()
        if commune is not None:
            return commune
        return self.filter(old_codes__code=code).first()


class Commune(Division):
    departement = models.ForeignKey(
        Departement, on_delete=models.PROTECT, related_name="communes", verbose_name="département"
    )
    epci = models.ForeignKey(
        Epci,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="communes",
        verbose_name="EPCI",
    )
    siren = models.CharField("SIREN", max_length=9, blank=True)
    postcodes = models.JSONField("codes postaux", default=list, blank=True)
    outline = models.JSONField("contour (GeoJSON)", null=True, blank=True)

    objects = CommuneQuerySet.as_manager()

    class Meta(Division.Meta):
        verbose_name = "commune"

    @property
    def region(self) -> Region:
        return self.departement.region


class OldCommuneCode(models.Model):
    """A code that no longer names a current commune, so that old records can still be placed."""

    code = models.CharField("ancien code INSEE", max_length=9, unique=True)
    name = models.CharField("nom", max_length=200, blank=True)
    kind = models.CharField("nature", max_length=20, choices=OldCodeKind.choices)
    commune = models.ForeignKey(
        Commune, on_delete=models.CASCADE, related_name="old_codes", verbose_name="commune actuelle"
    )

    class Meta:
        verbose_name = "ancien code de commune"
        verbose_name_plural = "anciens codes de commune"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} → {self.commune.code}"


class CommuneName(models.Model):
    """A name a commune no longer bears that people still write: a former commune merged into
    it, its name before a renaming (from INSEE's history of communes)."""

    code = models.CharField("code INSEE sous ce nom", max_length=9)
    name = models.CharField("nom", max_length=200)
    kind = models.CharField("nature", max_length=20, choices=CommuneNameKind.choices)
    commune = models.ForeignKey(
        Commune, on_delete=models.CASCADE, related_name="former_names", verbose_name="commune"
    )

    class Meta:
        verbose_name = "ancien nom de commune"
        verbose_name_plural = "anciens noms de commune"
        ordering = ["code", "name"]
        constraints = [
            models.UniqueConstraint(fields=["code", "name"], name="commune_name_unique_per_code")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code}) → {self.commune.name}"


class TerritoryQuerySet(models.QuerySet["Territory"]):
    def default(self) -> Territory | None:
        return self.filter(is_default=True).first()


class Territory(models.Model):
    """A perimeter made of whole EPCI and single communes, as the hub defines it."""

    name = models.CharField("nom", max_length=200)
    slug = models.SlugField("identifiant", max_length=100, unique=True)
    epci_codes = models.JSONField("EPCI qui le composent", default=list, blank=True)
    commune_codes = models.JSONField("communes ajoutées une à une", default=list, blank=True)
    source = models.TextField("source des données")
    vintage = models.CharField("millésime", max_length=100)
    communes = models.ManyToManyField(
        Commune, related_name="territories", blank=True, verbose_name="communes"
    )
    is_default = models.BooleanField("territoire du pôle", default=False)
    updated_at = models.DateTimeField("mis à jour le", auto_now=True)

    objects = TerritoryQuerySet.as_manager()

    class Meta:
        verbose_name = "territoire"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=models.Q(is_default=True),
                name="territory_single_default",
            )
        ]

    def __str__(self) -> str:
        return self.name
