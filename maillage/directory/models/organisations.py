"""Organisations at SIRENE's two levels: the legal unit and its establishments.

SIRENE and RNA fill the official fields; the organisation and the staff fill what those files
lack (description, contacts, hours, themes). `provenance` records who set each field, so that a
re-import never overwrites what a person wrote (see `provenance.py`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify

from maillage.accounts.models import User
from maillage.core.plain_text import PLAIN_TEXT_HELP
from maillage.core.text import fold
from maillage.directory import families, search_query
from maillage.directory.enums import ClaimStatus, EssFamily, EssFlag, FamilyDecision, Visibility
from maillage.directory.grid import grid_fields
from maillage.directory.nomenclatures import employee_bracket, legal_category_label, naf_label
from maillage.directory.search import search_name_of, search_place_of, search_text_of
from maillage.territory.models import Commune, Territory


def sort_name_of(name: str) -> str:
    """The key the directory sorts names by: accents, case and punctuation aside."""
    return fold(name)[:300]


FAMILY_FIELDS = ("ess_family", "ess_needs_review", "ess_review_reason")
LISTING_FIELDS = ("sort_name", "is_listed", "family", "grid_x", "grid_y", "map_tile")
SEARCH_FIELDS = ("search_name", "search_place", "search_text")


class Theme(models.Model):
    name = models.CharField("nom", max_length=100, unique=True)
    slug = models.SlugField("identifiant", max_length=100, unique=True)
    # The broader theme it belongs to, as a map's category tree says (« Alimentation » under
    # « Se nourrir »).
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name="thème parent",
    )

    class Meta:
        verbose_name = "thème"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class LegalUnitQuerySet(models.QuerySet["LegalUnit"]):
    def needing_review(self) -> LegalUnitQuerySet:
        return self.filter(ess_needs_review=True)

    def active(self) -> LegalUnitQuerySet:
        return self.filter(is_active=True)

    def family_decided(self) -> LegalUnitQuerySet:
        return self.exclude(decided_family="")

    def represented_by(self, user: User) -> LegalUnitQuerySet:
        """The organisations whose claim by `user` the staff approved (one claim a pair)."""
        return self.filter(claims__user=user, claims__status=ClaimStatus.APPROVED)

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for unit in objs:
            families.enforce(unit)  # as `save` does: no bulk path writes a forbidden family
        return super().bulk_create(objs, *args, **kwargs)


class LegalUnit(models.Model):
    """A SIREN (or, for an association SIRENE does not know, its RNA number)."""

    # Who made the change being saved and from which source, set by a stewardship action just
    # before `save` and read by the history's signals (stewardship/history.py).
    _changed_by: User | None
    _change_source: str

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
    ess_review_reason = models.CharField("motif de la vérification", max_length=300, blank=True)
    # A staff decision on the family (`families.py`): it wins over the rule at every import.
    decided_family = models.CharField(
        "famille décidée par l’équipe", max_length=20, choices=FamilyDecision.choices, blank=True
    )
    family_decision_reason = models.TextField("motif de la décision", blank=True)
    family_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="famille décidée par",
    )
    family_decided_at = models.DateTimeField("famille décidée le", null=True, blank=True)
    is_hub_member = models.BooleanField("adhérente du pôle", default=False)
    # Key of an organisation known only from a map or a spreadsheet ("gogocarto:42"): it has
    # neither SIREN nor RNA number until SIRENE or a person supplies one.
    source_ref = models.CharField(
        "référence dans la source", max_length=120, unique=True, null=True, blank=True
    )
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
                condition=Q(siren__isnull=False)
                | Q(rna_id__isnull=False)
                | Q(source_ref__isnull=False),
                name="legal_unit_has_siren_rna_id_or_source_ref",
            ),
            models.CheckConstraint(
                condition=Q(decided_family="") | ~Q(family_decision_reason=""),
                name="legal_unit_family_decision_has_a_reason",
                violation_error_message="Une décision sur la famille doit dire pourquoi.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.siren or self.rna_id or self.source_ref})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        families.enforce(self)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *FAMILY_FIELDS}
        # The unit and its entries' listing columns together (what the map counts on commit).
        with transaction.atomic():
            super().save(*args, **kwargs)
            current = (self.name, self.ess_family)
            if getattr(self, "_listed_as", current) != current:
                self.refresh_establishments()
        self._listed_as = current

    @classmethod
    def from_db(cls, db, field_names, values):
        unit = super().from_db(db, field_names, values)
        unit._listed_as = (unit.__dict__.get("name"), unit.__dict__.get("ess_family"))
        return unit

    def refresh_establishments(self) -> None:
        """Copy the name and the family into the stored columns of its establishments (the
        directory sorts and filters on those, see `Establishment.fill_listing_fields`)."""
        self.establishments.filter(sign="", name="").update(sort_name=sort_name_of(self.name))
        self.establishments.exclude(family=self.ess_family).update(family=self.ess_family)
        # Their search texts hold the unit's name.
        for site in self.establishments.select_related("commune").prefetch_related("themes"):
            site.legal_unit = self
            site.fill_search_fields()
            self.establishments.filter(pk=site.pk).update(
                **{name: getattr(site, name) for name in SEARCH_FIELDS}
            )
        listed = bool(self.ess_family)
        sites = self.establishments.exclude(is_listed=False)
        if listed:
            sites = self.establishments.filter(
                visibility=Visibility.PUBLIC, is_open=True, is_listed=False
            )
        sites.update(is_listed=listed)

    @property
    def legal_category_label(self) -> str:
        return legal_category_label(self.legal_category)

    @property
    def has_override(self) -> bool:
        """Staff gave it a family the rule would not (`families.py`)."""
        return families.has_override(self)


def public_slug(name: str) -> str:
    """The readable part of an entry's page path; the id finds the entry, so a renamed entry's
    old links still lead to it (redirected)."""
    return slugify(name)[:80].strip("-") or "fiche"


def public_path(pk: int, name: str) -> str:
    """An entry's public page from its id and the name people know."""
    return reverse("directory:detail", kwargs={"pk": pk, "slug": public_slug(name)})


class EstablishmentQuerySet(models.QuerySet["Establishment"]):
    def open(self) -> EstablishmentQuerySet:
        return self.filter(is_open=True)

    def published(self) -> EstablishmentQuerySet:
        """What the public directory may show: visible, open, of an ESS legal unit.

        One indexed column, `is_listed`, kept by `Establishment.save` and `LegalUnit.save`
        (a queryset `.update()` of visibility, is_open or the family must set it too)."""
        return self.filter(is_listed=True)

    def in_territory(self, territory: Territory) -> EstablishmentQuerySet:
        return self.filter(commune__territories=territory)

    def of_hub_members(self) -> EstablishmentQuerySet:
        return self.filter(legal_unit__is_hub_member=True)

    def located(self) -> EstablishmentQuerySet:
        return self.filter(longitude__isnull=False, latitude__isnull=False)

    def unconfirmed_since(self, cutoff: date) -> EstablishmentQuerySet:
        """Not confirmed (or, never confirmed, not created) since `cutoff`: to check again."""
        return self.filter(
            Q(last_confirmed_on__lt=cutoff)
            | Q(last_confirmed_on__isnull=True, created_at__date__lt=cutoff)
        )

    def not_reminded_since(self, cutoff: date) -> EstablishmentQuerySet:
        return self.filter(Q(last_reminded_on__isnull=True) | Q(last_reminded_on__lt=cutoff))

    def represented_by(self, user) -> EstablishmentQuerySet:
        """The entries of the organisations whose claim by `user` staff approved."""
        return self.filter(
            legal_unit__claims__user=user, legal_unit__claims__status=ClaimStatus.APPROVED
        ).distinct()

    def matching(self, query: str) -> EstablishmentQuerySet:
        """Every word of the query, accents and case aside, starts a word of the entry's
        searchable text (see `search_query.py`; no ranking: the caller orders)."""
        return search_query.matching(self, search_query.word_groups(query, self.db))


class Establishment(models.Model):
    """A place where an organisation works: a SIRET, or an RNA association's registered seat."""

    # Who made the change being saved and from which source, set by a stewardship action just
    # before `save` and read by the history's signals (stewardship/history.py).
    _changed_by: User | None
    _change_source: str

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
    # Salaried headcount when actually known (from the organisation, a DSN extract, the staff);
    # the observatory prefers it to the bracket's estimate.
    headcount = models.PositiveIntegerField("effectif salarié connu", null=True, blank=True)
    headcount_year = models.PositiveSmallIntegerField(
        "année de l’effectif connu", null=True, blank=True
    )
    longitude = models.FloatField("longitude", null=True, blank=True)
    latitude = models.FloatField("latitude", null=True, blank=True)
    is_open = models.BooleanField("ouvert", default=True)
    created_on = models.DateField("date de création", null=True, blank=True)
    is_head_office = models.BooleanField("siège", default=False)
    # What SIRENE lacks, written by the organisation or the staff.
    # Capped as every form and import caps it: a page of presentation, not a book.
    description = models.TextField(
        "présentation", max_length=10_000, blank=True, help_text=PLAIN_TEXT_HELP
    )
    website = models.URLField("site web", max_length=500, blank=True)
    email = models.EmailField("courriel de contact", blank=True)
    phone = models.CharField("téléphone", max_length=30, blank=True)
    contacts_public = models.BooleanField("coordonnées publiées", default=False)
    opening_hours = models.TextField("horaires d’ouverture", max_length=1_000, blank=True)
    # What a map (GoGoCarto, Transiscope) says beside the description, and its own fiche.
    summary = models.TextField("résumé", max_length=2_000, blank=True)
    commitment = models.TextField("engagement", max_length=2_000, blank=True)
    source_url = models.URLField("fiche dans la source", max_length=500, blank=True)
    themes = models.ManyToManyField(
        Theme, related_name="establishments", blank=True, verbose_name="thèmes"
    )
    logo = models.ImageField("logo", upload_to="directory/logos/", blank=True)
    visibility = models.CharField(
        "visibilité", max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    # Key of a record that came from a map or a spreadsheet ("gogocarto:42"), for idempotent
    # re-imports of sources without a SIRET.
    source_ref = models.CharField(
        "référence dans la source", max_length=120, unique=True, null=True, blank=True
    )
    provenance = models.JSONField("provenance des champs", default=dict, blank=True)
    # Last time the organisation or the staff said the entry is right; old entries get flagged.
    last_confirmed_on = models.DateField("dernière confirmation", null=True, blank=True)
    # Last time its representatives were reminded to confirm it: at most once per period.
    last_reminded_on = models.DateField("dernier rappel", null=True, blank=True)
    # Folded texts the search finds and ranks entries by (`search.py`).
    search_text = models.TextField("texte de recherche", blank=True, editable=False)
    search_name = models.TextField("noms pour la recherche", blank=True, editable=False)
    search_place = models.TextField("commune pour la recherche", blank=True, editable=False)
    # Stored so that the directory filters and sorts on indexed columns: the folded display
    # name, and whether the entry is published (public, open, of an ESS legal unit).
    sort_name = models.CharField("nom de tri", max_length=300, blank=True, editable=False)
    is_listed = models.BooleanField("publié dans l’annuaire", default=False, editable=False)
    # The legal unit's family, copied for the directory's filter (see `LegalUnit.save`).
    family = models.CharField("famille de l’ESS (copie)", max_length=20, blank=True, editable=False)
    # The position's cell on the map's grid, and its tile, kept from the coordinates (`grid.py`).
    grid_x = models.IntegerField("colonne sur la carte", null=True, blank=True, editable=False)
    grid_y = models.IntegerField("ligne sur la carte", null=True, blank=True, editable=False)
    map_tile = models.IntegerField("tuile de la carte", null=True, blank=True, editable=False)
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
        indexes = [
            models.Index(fields=["naf_section"]),
            models.Index(fields=["commune_code"]),
            # Partial indexes on the published entries: Django writes the filter as a bare
            # `WHERE is_listed`, which a partial index matches and a composite one does not;
            # `is_listed` is also a column of each, or SQLite reads the row to check it.
            # The list in its default order; `id` breaks ties; with `commune`, they cover the
            # sort by commune too (the page's ids are sorted before any row is read).
            models.Index(
                fields=["sort_name", "id", "commune", "is_listed"],
                condition=Q(is_listed=True),
                name="listed_by_name_commune",
            ),
            # The family filter and its counts.
            models.Index(
                fields=["family", "sort_name", "id", "commune", "is_listed"],
                condition=Q(is_listed=True),
                name="listed_by_family_commune",
            ),
            # The map. A large area: its rows grouped by tile in index order, with the usual
            # filters covered. A small one: its bounding box, with the cells.
            models.Index(
                fields=[
                    "map_tile",
                    "commune",
                    "family",
                    "naf_section",
                    "employee_bracket",
                    "longitude",
                    "latitude",
                    "id",
                    "is_listed",
                ],
                condition=Q(is_listed=True),
                name="listed_by_map_tile",
            ),
            models.Index(
                fields=["longitude", "latitude", "commune", "id", "grid_x", "grid_y", "is_listed"],
                condition=Q(is_listed=True),
                name="listed_by_position_cell",
            ),
        ]

    def __str__(self) -> str:
        key = self.siret or self.legal_unit.rna_id or self.source_ref
        return f"{self.display_name} ({key})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.fill_search_fields()
        self.fill_listing_fields()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *SEARCH_FIELDS, *LISTING_FIELDS}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return public_path(self.pk, self.display_name)

    def fill_search_fields(self) -> None:
        """Set the folded texts the search reads; bulk paths call it before writing."""
        self.search_name = search_name_of(self)
        self.search_place = search_place_of(self)
        self.search_text = search_text_of(self)

    def fill_listing_fields(self) -> None:
        """Set the stored sort name and publication flag; bulk paths call it before writing."""
        self.sort_name = sort_name_of(self.display_name)
        for name, value in grid_fields(self.longitude, self.latitude).items():
            setattr(self, name, value)
        self.family = self.legal_unit.ess_family
        self.is_listed = (
            self.visibility == Visibility.PUBLIC
            and self.is_open
            and bool(self.legal_unit.ess_family)
        )

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
