"""The one list of an organisation's public fields, read by the API, the map and every export.

Rows are read with `values()` (no model instances) and contacts are blanked in SQL when the
organisation has not chosen to publish them, so a private address never reaches Python.
Provenance, visibility, source keys, search text and review flags are never selected.

A whole export writes 200,000 records: the labels and the page paths are resolved once per run
(`Labels`), not per row; a record then costs dictionary lookups and one slug.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Case, CharField, F, QuerySet, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse

from maillage.directory.enums import EssFamily
from maillage.directory.models import Establishment
from maillage.directory.models.organisations import public_slug
from maillage.directory.nomenclatures import (
    employee_brackets,
    legal_categories,
    naf_codes,
    normalise_naf,
)

CHUNK_SIZE = 1000

_FIELDS = (
    "pk",
    "siret",
    "name",
    "sign",
    "legal_unit__name",
    "legal_unit__acronym",
    "legal_unit__siren",
    "legal_unit__rna_id",
    "legal_unit__ess_family",
    "legal_unit__legal_category",
    "legal_unit__is_hub_member",
    "naf_code",
    "naf_section",
    "employee_bracket",
    "street",
    "address_complement",
    "postcode",
    "city_name",
    "commune__name",
    "commune__code",
    "longitude",
    "latitude",
    "is_head_office",
    "created_on",
    "description",
    "website",
    "opening_hours",
    "updated_at",
    "public_email",
    "public_phone",
)


def _published_contact(field: str) -> Case:
    return Case(
        When(contacts_public=True, then=F(field)), default=Value(""), output_field=CharField()
    )


def display_name_expression() -> Coalesce:
    """The name people know: the sign, else the usual name, else the legal name (in SQL)."""
    return Coalesce(NullIf("sign", Value("")), NullIf("name", Value("")), "legal_unit__name")


def public_values(queryset: QuerySet[Establishment]) -> QuerySet:
    return queryset.annotate(
        public_email=_published_contact("email"), public_phone=_published_contact("phone")
    ).values(*_FIELDS)


def themes_by_establishment(ids: Iterable[int]) -> dict[int, list[str]]:
    through = Establishment.themes.through
    names: dict[int, list[str]] = defaultdict(list)
    rows = (
        through.objects.filter(establishment_id__in=list(ids))
        .order_by("theme__name")
        .values_list("establishment_id", "theme__name")
    )
    for establishment_id, name in rows:
        names[establishment_id].append(name)
    return names


class Labels:
    """What every record of a run looks up: the French labels of the codes, and the pattern of
    an entry's page path (one `reverse`, then only the id and the slug change)."""

    _MARK_PK, _MARK_SLUG = 918273645, "marque-de-la-fiche"

    def __init__(self) -> None:
        self.families = dict(EssFamily.choices)
        self.categories = {code: c.label for code, c in legal_categories().items()}
        self.activities = {code: naf.label for code, naf in naf_codes().items()}
        self.brackets = {code: bracket.label for code, bracket in employee_brackets().items()}
        path = reverse("directory:detail", kwargs={"pk": self._MARK_PK, "slug": self._MARK_SLUG})
        self._path_start, rest = path.split(str(self._MARK_PK), 1)
        self._path_middle, self._path_end = rest.split(self._MARK_SLUG, 1)

    def path(self, pk: int, name: str) -> str:
        """The same as `public_path(pk, name)`, without resolving the URL again."""
        return f"{self._path_start}{pk}{self._path_middle}{public_slug(name)}{self._path_end}"

    def activity(self, code: str | None) -> str:
        return self.activities.get(normalise_naf(code), "") if code else ""


def public_record(row: dict[str, Any], themes: list[str], labels: Labels) -> dict[str, Any]:
    """A `public_values()` row as the open data publishes it (French keys)."""
    name = row["sign"] or row["name"] or row["legal_unit__name"]
    family = row["legal_unit__ess_family"]
    category = row["legal_unit__legal_category"]
    bracket = row["employee_bracket"]
    return {
        "id": row["pk"],
        "nom": name,
        "raison_sociale": row["legal_unit__name"],
        "sigle": row["legal_unit__acronym"],
        "siret": row["siret"] or "",
        "siren": row["legal_unit__siren"] or "",
        "rna": row["legal_unit__rna_id"] or "",
        "famille": family,
        "famille_libelle": labels.families.get(family, ""),
        "categorie_juridique": category,
        "categorie_juridique_libelle": labels.categories.get((category or "").strip(), ""),
        "code_naf": row["naf_code"],
        "activite": labels.activity(row["naf_code"]),
        "section_naf": row["naf_section"],
        "tranche_effectif": bracket,
        "tranche_effectif_libelle": labels.brackets.get((bracket or "").strip(), ""),
        "adresse": row["street"],
        "complement_adresse": row["address_complement"],
        "code_postal": row["postcode"],
        "commune": row["commune__name"] or row["city_name"],
        "code_commune": row["commune__code"] or "",
        "longitude": row["longitude"],
        "latitude": row["latitude"],
        "siege": row["is_head_office"],
        "date_creation": row["created_on"].isoformat() if row["created_on"] else None,
        "presentation": row["description"],
        "site_web": row["website"],
        "courriel": row["public_email"],
        "telephone": row["public_phone"],
        "horaires": row["opening_hours"],
        "themes": themes,
        "adherent": row["legal_unit__is_hub_member"],
        "url": labels.path(row["pk"], name),
        "date_maj": row["updated_at"].date().isoformat(),
    }


def public_records(
    queryset: QuerySet[Establishment], labels: Labels | None = None
) -> list[dict[str, Any]]:
    """One page of records, in the queryset's order: two queries (rows, then their themes)."""
    labels = labels or Labels()
    rows = list(public_values(queryset))
    themes = themes_by_establishment(row["pk"] for row in rows)
    return [public_record(row, themes.get(row["pk"], []), labels) for row in rows]


def iter_public_records(
    queryset: QuerySet[Establishment], chunk_size: int = CHUNK_SIZE
) -> Iterator[dict[str, Any]]:
    """Every record of an unsliced queryset, by chunks of ascending id (keyset pagination):
    memory stays flat whatever the number of rows, on SQLite and PostgreSQL alike."""
    base, labels = queryset.order_by("pk"), Labels()
    last = 0
    while True:
        chunk = public_records(base.filter(pk__gt=last)[:chunk_size], labels)
        yield from chunk
        if len(chunk) < chunk_size:
            return
        last = chunk[-1]["id"]
