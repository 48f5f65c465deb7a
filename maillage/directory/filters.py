"""The directory's filters, read once from a query string and shared by the list, the map and
the API: what a visitor may ask for, checked against allowlists, and how it narrows the
published establishments.

`parse_filters(request.GET)` reads them with `DirectoryFilterForm` (a `core.filter_forms`
form) and gives a `DirectoryFilters`, or raises `FilterRefused` with one French message per bad
parameter (a view answers 400 with them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When

from maillage.core.collation import by_name
from maillage.core.filter_forms import FilterForm, one_of, some_of
from maillage.core.text import fold
from maillage.directory import search_query
from maillage.directory.definitions import bracket_is_employer
from maillage.directory.enums import DirectoryOrder, EssFamily, SizeGroup
from maillage.directory.models import Establishment
from maillage.directory.nomenclatures import employee_brackets, naf_divisions, naf_sections
from maillage.territory.models import Commune

MAX_QUERY_LENGTH = 200
MAX_PAGE = 100_000

SIZE_BRACKETS: dict[str, tuple[str, ...]] = {
    SizeGroup.NONE: ("NN", "00"),
    SizeGroup.VERY_SMALL: ("01", "02", "03"),
    SizeGroup.SMALL: ("11", "12"),
    SizeGroup.LARGE: ("21", "22", "31", "32", "41", "42", "51", "52", "53"),
}

_SIZE_RANK = {
    code: rank for rank, code in enumerate(c for codes in SIZE_BRACKETS.values() for c in codes)
}
_COMMUNE_CODE = re.compile(r"^(?:\d{2}|2[AB])\d{3}$")
_SIREN = re.compile(r"^\d{9}$")
_PAGE = re.compile(r"^\d{1,6}$")


@dataclass(frozen=True)
class DirectoryFilters:
    q: str = ""
    families: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    communes: tuple[str, ...] = ()  # current INSEE codes, old ones already resolved
    epci: str = ""
    sizes: tuple[str, ...] = ()
    # What the observatory's counts drill down to: NAF divisions, SIRENE brackets, employers.
    divisions: tuple[str, ...] = ()
    brackets: tuple[str, ...] = ()
    employers_only: bool = False
    members_only: bool = False
    order: str = DirectoryOrder.NAME
    page: int = 1
    # Codes as the visitor gave them, kept so that a shared link reads as it was written.
    given_communes: tuple[str, ...] = field(default=(), compare=False)

    @property
    def is_empty(self) -> bool:
        """No search and no filter (order and page aside): the whole directory."""
        return not (
            self.query_words
            or self.families
            or self.sections
            or self.communes
            or self.epci
            or self.sizes
            or self.divisions
            or self.brackets
            or self.employers_only
            or self.members_only
        )

    @property
    def query_words(self) -> list[str]:
        return fold(self.q).split()

    @property
    def folded_query(self) -> str:
        return " ".join(self.query_words)

    @cached_property
    def word_groups(self) -> search_query.WordGroups:
        """The indexed words the search's words stand for, looked up once: a page counts and
        ranks with them."""
        return search_query.word_groups(self.q) if self.q else []

    def results(self, top: int | None = None, found: int | None = None) -> QuerySet[Establishment]:
        """The published establishments these filters select, in their order; a search ranked
        by relevance lists only its `top` best if given (`search_query.ranked`), directly if
        its matches were counted (`found`) and are no more."""
        return self.apply(Establishment.objects.published(), top, found)

    @property
    def by_relevance(self) -> bool:
        """A search's default order is relevance."""
        return bool(self.q) and self.order == DirectoryOrder.NAME

    def apply(
        self, queryset: QuerySet[Establishment], top: int | None = None, found: int | None = None
    ) -> QuerySet[Establishment]:
        if self.by_relevance:
            narrowed = self.narrow(queryset, search=False)
            return search_query.ranked(narrowed, self.word_groups, top, found)
        return order(self.narrow(queryset), self.order)

    def narrow(
        self, queryset: QuerySet[Establishment], search: bool = True
    ) -> QuerySet[Establishment]:
        """The filters alone, no ordering (the map and counts need no sort)."""
        if self.q and search:
            queryset = search_query.matching(queryset, self.word_groups)
        if self.families:
            queryset = queryset.filter(family__in=self.families)
        if self.sections:
            queryset = queryset.filter(naf_section__in=self.sections)
        if self.communes:
            queryset = queryset.filter(commune__code__in=self.communes)
        if self.epci:
            queryset = queryset.filter(commune__epci__code=self.epci)
        if self.sizes:
            brackets = [code for size in self.sizes for code in SIZE_BRACKETS[size]]
            queryset = queryset.filter(employee_bracket__in=brackets)
        if self.divisions:
            in_divisions = Q()
            for division in self.divisions:
                in_divisions |= Q(naf_code__startswith=division)
            queryset = queryset.filter(in_divisions)
        if self.brackets:
            queryset = queryset.filter(employee_bracket__in=self.brackets)
        if self.employers_only:
            queryset = queryset.filter(employers())
        if self.members_only:
            queryset = queryset.of_hub_members()
        return queryset

    def as_params(self, **overrides: Any) -> dict[str, Any]:
        """The non-default parameters, as a dict of lists (page and order included)."""
        if "communes" in overrides:
            overrides.setdefault("given_communes", overrides["communes"])
        current = replace(self, **overrides) if overrides else self
        params: dict[str, Any] = {
            "q": current.q,
            "famille": list(current.families),
            "section": list(current.sections),
            "commune": list(current.given_communes or current.communes),
            "epci": current.epci,
            "division": list(current.divisions),
            "taille": list(current.sizes),
            "tranche": list(current.brackets),
            "employeurs": "1" if current.employers_only else "",
            "adherents": "1" if current.members_only else "",
            "tri": "" if current.order == DirectoryOrder.NAME else current.order,
            "page": "" if current.page == 1 else str(current.page),
        }
        return {name: params[name] for name in PARAMETERS if params[name]}

    def as_query_string(self, **overrides: Any) -> str:
        """'q=jardin&famille=association&page=2' — for shareable URLs and drill-down links.

        Overrides use the attribute names: `as_query_string(page=3)`, `as_query_string(
        families=("cooperative",), page=1)`.
        """
        return urlencode(self.as_params(**overrides), doseq=True)

    def as_log(self) -> dict[str, Any]:
        """The filters a search log keeps (no page, no order: what was sought, not how)."""
        params = self.as_params(q="", page=1, order=DirectoryOrder.NAME)
        params.pop("commune", None)
        if self.communes:
            params["commune"] = list(self.communes)
        return params


def employers() -> Q:
    """Employer establishments as `directory.definitions.is_employer` defines them: a known
    headcount of one or more, else an employer bracket."""
    brackets = [code for code in employee_brackets() if bracket_is_employer(code)]
    return Q(headcount__gte=1) | Q(headcount__isnull=True, employee_bracket__in=brackets)


def order(queryset: QuerySet[Establishment], key: str) -> QuerySet[Establishment]:
    """Sorted on the stored, folded display name (`sort_name`), indexed with `is_listed`."""
    if key == DirectoryOrder.NAME_DESC:
        return queryset.order_by("-sort_name", "-pk")
    if key == DirectoryOrder.COMMUNE:
        return queryset.order_by(by_name("commune__name").asc(nulls_last=True), "sort_name", "pk")
    if key == DirectoryOrder.SIZE:
        # Ranks from the nomenclature, not a cast: an odd code in the data cannot break a query.
        rank = Case(
            *(When(employee_bracket=code, then=Value(rank)) for code, rank in _SIZE_RANK.items()),
            default=Value(-1),
            output_field=IntegerField(),
        )
        return queryset.annotate(size_rank=rank).order_by("-size_rank", "sort_name", "pk")
    if key == DirectoryOrder.RECENT:
        return queryset.order_by(F("created_on").desc(nulls_last=True), "sort_name", "pk")
    return queryset.order_by("sort_name", "pk")


class CommuneCodesField(forms.Field):
    """INSEE codes, repeatable; the form resolves them (old codes of merged communes too)."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value: Any) -> list[str]:
        return list(dict.fromkeys(code.upper() for code in value or []))


def _codes(codes: Callable[[], Iterable[str]]) -> Callable[[], list[tuple[str, str]]]:
    return lambda: [(code, code) for code in codes()]


def _only(label: str, what: str) -> forms.ChoiceField:
    return one_of(
        label, [("0", "Tous"), ("1", what)], f"Le filtre « {label} » vaut 1 ({what}) ou 0."
    )


class DirectoryFilterForm(FilterForm):
    """The parameters, in the order a shareable URL lists them."""

    q = forms.CharField(
        label="Recherche",
        max_length=MAX_QUERY_LENGTH,
        required=False,
        error_messages={
            "max_length": f"La recherche est trop longue (au plus {MAX_QUERY_LENGTH} caractères)."
        },
    )
    famille = some_of(
        "Famille de l’ESS", EssFamily.choices, "Famille de l’ESS inconnue : « %(value)s »."
    )
    section = some_of(
        "Secteur d’activité", _codes(naf_sections), "Section d’activité inconnue : « %(value)s »."
    )
    division = some_of(
        "Division d’activité (NAF)", _codes(naf_divisions), "Division NAF inconnue : « %(value)s »."
    )
    commune = CommuneCodesField(label="Commune", required=False)
    epci = forms.RegexField(
        label="Intercommunalité",
        regex=_SIREN,
        required=False,
        error_messages={
            "invalid": "L’intercommunalité (EPCI) se désigne par son SIREN à 9 chiffres."
        },
    )
    taille = some_of("Taille", SizeGroup.choices, "Taille inconnue : « %(value)s ».")
    tranche = some_of(
        "Tranche d’effectif",
        _codes(employee_brackets),
        "Tranche d’effectif inconnue : « %(value)s ».",
    )
    employeurs = _only("Employeurs", "employeurs seulement")
    adherents = _only("Adhérents", "adhérents seulement")
    tri = one_of(
        "Tri",
        DirectoryOrder.choices,
        f"Tri impossible sur « %(value)s » : choisir parmi {', '.join(DirectoryOrder.values)}.",
    )
    page = forms.CharField(label="Page", required=False)

    def clean_commune(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The current codes, and the codes as given (a shared link reads as it was written)."""
        given = self.cleaned_data["commune"]
        resolved = []
        for code in given:
            commune = Commune.objects.resolve_code(code) if _COMMUNE_CODE.match(code) else None
            if commune is None:
                raise forms.ValidationError(
                    f"Commune inconnue : « {code[:40]} » (code INSEE attendu)."
                )
            resolved.append(commune.code)
        return tuple(dict.fromkeys(resolved)), tuple(given)

    def clean_page(self) -> int:
        page = self.cleaned_data["page"] or "1"
        if not _PAGE.match(page) or not 1 <= int(page) <= MAX_PAGE:
            raise forms.ValidationError("Le numéro de page doit être un entier positif.")
        return int(page)

    def filters(self) -> DirectoryFilters:
        data = self.read()
        communes, given_communes = data["commune"]
        return DirectoryFilters(
            q=data["q"],
            families=tuple(dict.fromkeys(data["famille"])),
            sections=tuple(dict.fromkeys(data["section"])),
            communes=communes,
            epci=data["epci"],
            sizes=tuple(dict.fromkeys(data["taille"])),
            divisions=tuple(dict.fromkeys(data["division"])),
            brackets=tuple(dict.fromkeys(data["tranche"])),
            employers_only=data["employeurs"] == "1",
            members_only=data["adherents"] == "1",
            order=data["tri"] or DirectoryOrder.NAME,
            page=data["page"],
            given_communes=given_communes,
        )


# Parameter names, in the order a shareable URL lists them; the OpenAPI description documents
# each (`exports/openapi.py`).
PARAMETERS = tuple(DirectoryFilterForm.base_fields)


def parse_filters(params: Mapping[str, Any]) -> DirectoryFilters:
    """Read the directory's query parameters; raise FilterRefused on any bad one."""
    return DirectoryFilterForm(params).filters()
