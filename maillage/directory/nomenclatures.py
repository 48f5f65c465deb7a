"""INSEE nomenclatures shipped with the app (see data/README.md): legal categories, NAF rév. 2
and SIRENE employee brackets, read once and kept in memory (a few hundred rows each)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data" / "nomenclatures"


@dataclass(frozen=True)
class LegalCategory:
    code: str
    label: str
    level2_code: str
    level2_label: str
    level1_code: str
    level1_label: str


@dataclass(frozen=True)
class NafCode:
    code: str  # "94.99Z"
    label: str
    division: str
    section: str


@dataclass(frozen=True)
class EmployeeBracket:
    """A SIRENE bracket; `high` is None for the open-ended top one, both None for « NN »."""

    code: str
    label: str
    low: int | None
    high: int | None

    @property
    def mid(self) -> float | None:
        if self.low is None:
            return None
        if self.high is None:
            return float(self.low)
        return (self.low + self.high) / 2


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _int_or_none(value: str) -> int | None:
    return int(value) if value.strip() else None


@cache
def legal_categories() -> dict[str, LegalCategory]:
    return {
        row["code"]: LegalCategory(
            row["code"],
            row["libelle"],
            row["niveau2_code"],
            row["niveau2_libelle"],
            row["niveau1_code"],
            row["niveau1_libelle"],
        )
        for row in _rows("categories_juridiques_n3.csv")
    }


@cache
def naf_codes() -> dict[str, NafCode]:
    return {
        row["code"]: NafCode(row["code"], row["libelle"], row["division"], row["section"])
        for row in _rows("naf_rev2_sous_classes.csv")
    }


@cache
def naf_divisions() -> dict[str, str]:
    """The 88 NAF divisions: « 88 » → « Action sociale sans hébergement »."""
    return {row["code"]: row["libelle"] for row in _rows("naf_divisions.csv")}


@cache
def naf_sections() -> dict[str, str]:
    return {row["code"]: row["libelle"] for row in _rows("naf_sections.csv")}


@cache
def employee_brackets() -> dict[str, EmployeeBracket]:
    return {
        row["code"]: EmployeeBracket(
            row["code"],
            row["libelle"],
            _int_or_none(row["effectif_min"]),
            _int_or_none(row["effectif_max"]),
        )
        for row in _rows("tranches_effectifs_sirene.csv")
    }


def normalise_naf(code: str | None) -> str:
    """ "9499Z", "94.99z " and "94.99Z" all give "94.99Z"; anything else comes back stripped."""
    code = (code or "").strip().upper()
    if len(code) == 5 and "." not in code:
        code = f"{code[:2]}.{code[2:]}"
    return code


def naf_section(code: str | None) -> str:
    """The NAF rév. 2 section letter of a sub-class code, or "" when the code is unknown."""
    naf = naf_codes().get(normalise_naf(code))
    return naf.section if naf else ""


def naf_label(code: str | None) -> str:
    naf = naf_codes().get(normalise_naf(code))
    return naf.label if naf else ""


def legal_category_label(code: str | None) -> str:
    category = legal_categories().get((code or "").strip())
    return category.label if category else ""


def employee_bracket(code: str | None) -> EmployeeBracket | None:
    return employee_brackets().get((code or "").strip())
