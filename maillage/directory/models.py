"""Organisations at SIRENE's two levels (legal unit, establishment) and the runs that import them.

SIRENE and RNA fill the official fields; the organisation and the staff fill what those files
lack (description, contacts, hours, themes). `provenance` records who set each field, so that a
re-import never overwrites what a person wrote (see `provenance.py`).
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from maillage.directory.enums import (
    EssFamily,
    EssFlag,
    ImportKind,
    ImportStatus,
    Visibility,
)
from maillage.directory.nomenclatures import employee_bracket, legal_category_label, naf_label
from maillage.territory.models import Commune, Territory


class Theme(models.Model):
    name = models.CharField("nom", max_length=100, unique=True)
    slug = models.SlugField("identifiant", max_length=100, unique=True)

    class Meta:
        verbose_name = "thème"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class LegalUnitQuerySet(models.QuerySet):
    def ess(self) -> LegalUnitQuerySet:
        return self.exclude(ess_family="")

    def of_family(self, family: EssFamily) -> LegalUnitQuerySet:
        return self.filter(ess_family=family)

    def needing_review(self) -> LegalUnitQuerySet:
        return self.filter(ess_needs_review=True)

    def active(self) -> LegalUnitQuerySet:
        return self.filter(is_active=True)

    def hub_members(self) -> LegalUnitQuerySet:
        return self.filter(is_hub_member=True)


class LegalUnit(models.Model):
    """A SIREN (or, for an association SIRENE does not know, its RNA number)."""

    siren = models.CharField("SIREN", max_length=9, unique=True, null=True, blank=True)
    rna_id = models.CharField("numéro RNA", max_length=10, unique=True, null=True, blank=True)
    name = models.CharField("dénomination", max_length=300)
    acronym = models.CharField("sigle", max_length=100, blank=True)
    legal_category = models.CharField("catégorie juridique", max_length=4, blank=True)
    naf_code = models.CharField("activité principale (APE)", max_length=6, blank=True)
    naf_nomenclature = models.CharField("nomenclature de l’activité", max_length=8, blank=True)
    ess_flag = models.CharField(
        "indicateur ESS de SIRENE", max_length=1, choices=EssFlag.choices, blank=True
    )
    is_employer = models.BooleanField("employeur", null=True, blank=True)
    employee_bracket = models.CharField("tranche d’effectif", max_length=2, blank=True)
    created_on = models.DateField("date de création", null=True, blank=True)
    is_active = models.BooleanField("active", default=True)
    ess_family = models.CharField(
        "famille de l’ESS", max_length=20, choices=EssFamily.choices, blank=True
    )
    ess_needs_review = models.BooleanField("classement à vérifier", default=False)
    is_hub_member = models.BooleanField("adhérente du pôle", default=False)
    provenance = models.JSONField("provenance des champs", default=dict, blank=True)
    created_at = models.DateTimeField("ajoutée le", auto_now_add=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    objects = LegalUnitQuerySet.as_manager()

    class Meta:
        verbose_name = "unité légale"
        verbose_name_plural = "unités légales"
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(siren__isnull=False) | Q(rna_id__isnull=False),
                name="legal_unit_has_siren_or_rna_id",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.siren or self.rna_id})"

    @property
    def legal_category_label(self) -> str:
        return legal_category_label(self.legal_category)


class EstablishmentQuerySet(models.QuerySet):
    def open(self) -> EstablishmentQuerySet:
        return self.filter(is_open=True)

    def published(self) -> EstablishmentQuerySet:
        """What the public directory may show: visible, open, of an ESS legal unit."""
        return self.filter(visibility=Visibility.PUBLIC, is_open=True).exclude(
            legal_unit__ess_family=""
        )

    def in_territory(self, territory: Territory) -> EstablishmentQuerySet:
        return self.filter(commune__territories=territory)

    def of_family(self, family: EssFamily) -> EstablishmentQuerySet:
        return self.filter(legal_unit__ess_family=family)

    def in_naf_section(self, section: str) -> EstablishmentQuerySet:
        return self.filter(naf_section=section)

    def of_hub_members(self) -> EstablishmentQuerySet:
        return self.filter(legal_unit__is_hub_member=True)

    def located(self) -> EstablishmentQuerySet:
        return self.filter(longitude__isnull=False, latitude__isnull=False)


class Establishment(models.Model):
    """A place where an organisation works: a SIRET, or an RNA association's registered seat."""

    siret = models.CharField("SIRET", max_length=14, unique=True, null=True, blank=True)
    legal_unit = models.ForeignKey(
        LegalUnit,
        on_delete=models.CASCADE,
        related_name="establishments",
        verbose_name="unité légale",
    )
    name = models.CharField("dénomination usuelle", max_length=300, blank=True)
    sign = models.CharField("enseigne", max_length=300, blank=True)
    address_complement = models.CharField("complément d’adresse", max_length=300, blank=True)
    street = models.CharField("voie", max_length=300, blank=True)
    postcode = models.CharField("code postal", max_length=5, blank=True)
    city_name = models.CharField("libellé de la commune", max_length=200, blank=True)
    commune_code = models.CharField("code commune (tel que lu)", max_length=5, blank=True)
    commune = models.ForeignKey(
        Commune,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="establishments",
        verbose_name="commune",
    )
    naf_code = models.CharField("activité principale (NAF)", max_length=6, blank=True)
    naf_section = models.CharField("section NAF", max_length=1, blank=True)
    employee_bracket = models.CharField("tranche d’effectif", max_length=2, blank=True)
    longitude = models.FloatField("longitude", null=True, blank=True)
    latitude = models.FloatField("latitude", null=True, blank=True)
    is_open = models.BooleanField("ouvert", default=True)
    created_on = models.DateField("date de création", null=True, blank=True)
    is_head_office = models.BooleanField("siège", default=False)
    # What SIRENE lacks, written by the organisation or the staff.
    description = models.TextField("présentation (Markdown)", blank=True)
    website = models.URLField("site web", max_length=500, blank=True)
    email = models.EmailField("courriel de contact", blank=True)
    phone = models.CharField("téléphone", max_length=30, blank=True)
    contacts_public = models.BooleanField("coordonnées publiées", default=False)
    opening_hours = models.TextField("horaires d’ouverture", blank=True)
    themes = models.ManyToManyField(
        Theme, related_name="establishments", blank=True, verbose_name="thèmes"
    )
    visibility = models.CharField(
        "visibilité", max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    provenance = models.JSONField("provenance des champs", default=dict, blank=True)
    created_at = models.DateTimeField("ajouté le", auto_now_add=True)
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    objects = EstablishmentQuerySet.as_manager()

    class Meta:
        verbose_name = "établissement"
        ordering = ["legal_unit__name", "siret"]
        constraints = [
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="establishment_longitude_in_range",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="establishment_latitude_in_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True, latitude__isnull=True)
                | Q(longitude__isnull=False, latitude__isnull=False),
                name="establishment_coordinates_both_or_neither",
            ),
        ]
        indexes = [models.Index(fields=["naf_section"]), models.Index(fields=["commune_code"])]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.siret or self.legal_unit.rna_id})"

    @property
    def display_name(self) -> str:
        return self.sign or self.name or self.legal_unit.name

    @property
    def naf_label(self) -> str:
        return naf_label(self.naf_code)

    @property
    def employee_bracket_label(self) -> str:
        bracket = employee_bracket(self.employee_bracket)
        return bracket.label if bracket else ""


class ImportRunQuerySet(models.QuerySet):
    def latest_first(self) -> ImportRunQuerySet:
        return self.order_by("-started_at")


class ImportRun(models.Model):
    """One file read by one importer, with what it did to the directory."""

    kind = models.CharField("source", max_length=30, choices=ImportKind.choices)
    file_name = models.CharField("fichier", max_length=500)
    checksum = models.CharField("empreinte SHA-256", max_length=64, blank=True)
    territory = models.ForeignKey(
        Territory, on_delete=models.SET_NULL, null=True, blank=True, verbose_name="territoire"
    )
    status = models.CharField(
        "état", max_length=20, choices=ImportStatus.choices, default=ImportStatus.RUNNING
    )
    message = models.TextField("message", blank=True)
    started_at = models.DateTimeField("commencé le", auto_now_add=True)
    finished_at = models.DateTimeField("terminé le", null=True, blank=True)
    rows_read = models.PositiveIntegerField("lignes lues", default=0)
    rows_skipped = models.PositiveIntegerField(
        "lignes écartées (hors territoire ou ESS)", default=0
    )
    rows_created = models.PositiveIntegerField("créées", default=0)
    rows_updated = models.PositiveIntegerField("mises à jour", default=0)
    rows_unchanged = models.PositiveIntegerField("inchangées", default=0)
    rows_rejected = models.PositiveIntegerField("rejetées", default=0)

    objects = ImportRunQuerySet.as_manager()

    class Meta:
        verbose_name = "import"
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.file_name}"


class ImportRejection(models.Model):
    run = models.ForeignKey(
        ImportRun, on_delete=models.CASCADE, related_name="rejections", verbose_name="import"
    )
    line = models.PositiveIntegerField("ligne")
    reason = models.CharField("motif", max_length=500)
    raw = models.TextField("contenu de la ligne", blank=True)

    class Meta:
        verbose_name = "ligne rejetée"
        verbose_name_plural = "lignes rejetées"
        ordering = ["run", "line"]

    def __str__(self) -> str:
        return f"ligne {self.line} : {self.reason}"
