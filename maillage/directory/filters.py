"""The directory's filters, read once from a query string and shared by the list, the map and
the API: what a visitor may ask for, checked against allowlists, and how it narrows the
published establishments.

`parse_filters(request.GET)` gives a `DirectoryFilters` or raises `InvalidFilters` with one
French message per bad parameter (a view answers 400 with them). Unknown parameters are ignored
(campaign tags, cache busters); empty values are ignored (an empty <select> option).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlencode

from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When

from maillage.core.collation import by_name
from maillage.core.text import fold
from maillage.directory.definitions import bracket_is_employer
from maillage.directory.enums import DirectoryOrder, EssFamily, SizeGroup
from maillage.directory.models import Establishment
from maillage.directory.nomenclatures import employee_brackets, naf_divisions, naf_sections
from maillage.territory.models import Commune

MAX_QUERY_LENGTH = 200
MAX_VALUES = 40  # repeated values of one parameter; more is not a person using a form
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

# Parameter names, in the order a shareable URL lists them.
PARAMETERS = (
    "q",
    "famille",
    "section",
    "division",
    "commune",
    "epci",
    "taille",
    "tranche",
    "employeurs",
    "adherents",
    "tri",
    "page",
)


class InvalidFilters(ValueError):
    """One or more parameters are not understood; `errors` maps each to a French message."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__(" ".join(errors.values()))

    @property
    def messages(self) -> list[str]:
        return list(self.errors.values())


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

    def results(self) -> QuerySet[Establishment]:
        """The published establishments these filters select, in their order."""
        return self.apply(Establishment.objects.published())

    def apply(self, queryset: QuerySet[Establishment]) -> QuerySet[Establishment]:
        queryset = self.narrow(queryset)
        return order(queryset, self.order)

    def narrow(self, queryset: QuerySet[Establishment]) -> QuerySet[Establishment]:
        """The filters alone, no ordering (the map and counts need no sort)."""
        if self.q:
            # As a subquery on the published entries: SQLite then reads their search texts from
            # the `listed_by_text` index alone and fetches only the matching rows.
            matches = Establishment.objects.published().matching(self.q).values("pk")
            queryset = queryset.filter(pk__in=matches)
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


def _values(params: Mapping[str, Any], name: str) -> list[str]:
    getlist = getattr(params, "getlist", None)
    raw = getlist(name) if getlist else params.get(name, [])
    if isinstance(raw, str):
        raw = [raw]
    return [value.strip() for value in raw if isinstance(value, str) and value.strip()]


def _single(params: Mapping[str, Any], name: str, errors: dict[str, str]) -> str:
    values = _values(params, name)
    if len(values) > 1:
        errors[name] = f"Le paramètre « {name} » ne peut être donné qu’une fois."
        return ""
    return values[0] if values else ""


def _choices(
    params: Mapping[str, Any],
    name: str,
    allowed: Mapping[str, Any] | list[str],
    message: str,
    errors: dict[str, str],
) -> tuple[str, ...]:
    values = _values(params, name)
    if len(values) > MAX_VALUES:
        errors[name] = f"Trop de valeurs pour « {name} » (au plus {MAX_VALUES})."
        return ()
    unknown = [value for value in values if value not in allowed]
    if unknown:
        errors[name] = message.format(value=unknown[0][:40])
        return ()
    return tuple(dict.fromkeys(values))


def _communes(params: Mapping[str, Any], errors: dict[str, str]) -> tuple[tuple, tuple]:
    given = _values(params, "commune")
    if len(given) > MAX_VALUES:
        errors["commune"] = f"Trop de communes (au plus {MAX_VALUES})."
        return (), ()
    resolved = []
    for code in dict.fromkeys(value.upper() for value in given):
        commune = Commune.objects.resolve_code(code) if _COMMUNE_CODE.match(code) else None
        if commune is None:
            errors["commune"] = f"Commune inconnue : « {code[:40]} » (code INSEE attendu)."
            return (), ()
        resolved.append(commune.code)
    return tuple(dict.fromkeys(resolved)), tuple(dict.fromkeys(value.upper() for value in given))


def parse_filters(params: Mapping[str, Any]) -> DirectoryFilters:
    """Read the directory's query parameters; raise InvalidFilters on any bad one."""
    errors: dict[str, str] = {}
    q = _single(params, "q", errors)
    if len(q) > MAX_QUERY_LENGTH:
        errors["q"] = f"La recherche est trop longue (au plus {MAX_QUERY_LENGTH} caractères)."
    families = _choices(
        params, "famille", EssFamily.values, "Famille de l’ESS inconnue : « {value} ».", errors
    )
    sections = _choices(
        params,
        "section",
        list(naf_sections()),
        "Section d’activité inconnue : « {value} ».",
        errors,
    )
    sizes = _choices(params, "taille", SizeGroup.values, "Taille inconnue : « {value} ».", errors)
    divisions = _choices(
        params, "division", list(naf_divisions()), "Division NAF inconnue : « {value} ».", errors
    )
    brackets = _choices(
        params,
        "tranche",
        list(employee_brackets()),
        "Tranche d’effectif inconnue : « {value} ».",
        errors,
    )
    employers_only = _single(params, "employeurs", errors)
    if employers_only not in ("", "0", "1"):
        errors["employeurs"] = "Le paramètre « employeurs » vaut 1 (employeurs seulement) ou 0."
    communes, given_communes = _communes(params, errors)
    epci = _single(params, "epci", errors)
    if epci and not _SIREN.match(epci):
        errors["epci"] = "L’intercommunalité (EPCI) se désigne par son SIREN à 9 chiffres."
    members = _single(params, "adherents", errors)
    if members not in ("", "0", "1"):
        errors["adherents"] = "Le paramètre « adherents » vaut 1 (adhérents seulement) ou 0."
    sort = _single(params, "tri", errors) or DirectoryOrder.NAME
    if sort not in DirectoryOrder.values:
        allowed = ", ".join(DirectoryOrder.values)
        errors["tri"] = f"Tri impossible sur « {sort[:40]} » : choisir parmi {allowed}."
    page = _single(params, "page", errors) or "1"
    if not _PAGE.match(page) or not 1 <= int(page) <= MAX_PAGE:
        errors["page"] = "Le numéro de page doit être un entier positif."
    if errors:
        raise InvalidFilters(errors)
    return DirectoryFilters(
        q=q,
        families=families,
        sections=sections,
        communes=communes,
        epci=epci,
        sizes=sizes,
        divisions=divisions,
        brackets=brackets,
        employers_only=employers_only == "1",
        members_only=members == "1",
        order=sort,
        page=int(page),
        given_communes=given_communes,
    )
