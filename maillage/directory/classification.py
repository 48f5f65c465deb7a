"""Which organisations belong to the ESS field, and to which family, as INSEE defines it.

INSEE's field is a list of legal categories (associations, coopératives, mutuelles, fondations),
plus, since the 2014 law, commercial companies registered as ESS (SIRENE flag
`economieSocialeSolidaireUniteLegale` = "O"), minus a few activities (NAF rév. 2): public
administration (section O), religious and political organisations, employers' and professional
organisations, trade unions. The decisions below are the whole rule; `CLASSIFICATION.md` prints
them. A category we cannot settle from its label alone is listed as "to review", never guessed.

Pure and typed: no database, no file, no settings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum

from maillage.directory.enums import EssFamily

A = EssFamily.ASSOCIATION
C = EssFamily.COOPERATIVE
M = EssFamily.MUTUELLE
F = EssFamily.FONDATION

# NAF rév. 2 sub-classes INSEE leaves out of the ESS field whatever the legal category.
EXCLUDED_NAF: dict[str, str] = {
    "94.11Z": "organisation patronale ou consulaire",
    "94.12Z": "organisation professionnelle",
    "94.20Z": "syndicat de salariés",
    "94.91Z": "organisation religieuse",
    "94.92Z": "organisation politique",
}
PUBLIC_ADMINISTRATION_DIVISION = "84"  # section O is division 84 alone


class Kind(Enum):
    STATUTORY = "statutory"  # ESS by its legal form
    COMMERCIAL = "commercial"  # ESS only when SIRENE flags it ESS
    TO_REVIEW = "to_review"  # the label does not settle it: a person decides
    OUTSIDE = "outside"  # not ESS; a flag "O" on it is odd and is sent to review
    PUBLIC = "public"  # public law or a natural person: never ESS, flag or not


@dataclass(frozen=True)
class Decision:
    kind: Kind
    reason: str
    family: EssFamily | None = None


@dataclass(frozen=True)
class Classification:
    family: EssFamily | None
    reason: str
    needs_review: bool

    @property
    def is_ess(self) -> bool:
        return self.family is not None


def _statutory(family: EssFamily, reason: str, codes: Iterable[str]) -> dict[str, Decision]:
    return {code: Decision(Kind.STATUTORY, reason, family) for code in codes}


def _review(reason: str, codes: Iterable[str]) -> dict[str, Decision]:
    return {code: Decision(Kind.TO_REVIEW, reason) for code in codes}


COOPERATIVE_CODES = (
    # Commercial cooperatives with their own category (banks, credit, Alsace-Moselle).
    *("5191", "5192", "5193", "5194", "5195", "5196", "5203", "5307", "5309"),
    # SARL, SA à conseil d'administration and SA à directoire coopératives (SCOP, SCIC in SARL or
    # SA form, consumer, artisan, maritime, transport, construction, HLM, unions).
    *("5443", "5451", "5453", "5454", "5455", "5458", "5459", "5460"),
    *("5543", "5547", "5551", "5552", "5553", "5554", "5555", "5558", "5559", "5560"),
    *("5643", "5647", "5651", "5652", "5653", "5654", "5655", "5658", "5659", "5660"),
    # Caisses d'épargne, agricultural cooperatives and CUMA, civil cooperatives, mutual banks.
    *("6100", "6316", "6317", "6318", "6543", "6551", "6554", "6558", "6560", "6595", "6596"),
)

# Explicit decisions: every ESS or doubtful category is named here.
DECISIONS: dict[str, Decision] = {
    **_statutory(C, "Coopérative par sa catégorie juridique", COOPERATIVE_CODES),
    **_statutory(M, "Mutuelle ou société d’assurance mutuelle", ["6411", "8210", "8250", "8290"]),
    **_statutory(
        A,
        "Association (loi 1901, droit local ou reconnue d’utilité publique)",
        ["9210", "9220", "9221", "9222", "9223", "9230", "9260"],
    ),
    **_statutory(F, "Fondation", ["9300"]),
    **_review(
        "Société d’intérêt collectif agricole : proche des coopératives agricoles, mais peut "
        "compter des associés non agriculteurs ; à vérifier (famille pressentie : coopérative)",
        ["5432", "5532", "5632", "6532"],
    ),
    **_review(
        "Institution paritaire de prévoyance ou de retraite : hors de la liste de la loi de 2014, "
        "comptée avec les mutuelles par certains observatoires ; à vérifier",
        ["8510", "8520"],
    ),
    **_review(
        "Association d’avocats à responsabilité professionnelle individuelle : une forme "
        "d’exercice libéral plus qu’une association ; à vérifier",
        ["9224"],
    ),
    **_review(
        "Congrégation : dans les catégories associatives de l’INSEE, mais souvent d’activité "
        "religieuse (exclue) ; à vérifier selon l’activité réelle (famille pressentie : "
        "association)",
        ["9240"],
    ),
    "8140": Decision(
        Kind.OUTSIDE,
        "Mutualité sociale agricole : régime obligatoire de sécurité "
        "sociale, hors du champ des mutuelles",
    ),
    "9970": Decision(
        Kind.OUTSIDE,
        "Groupement de coopération sanitaire : groupement de moyens, pas une coopérative",
    ),
}

# Defaults for every other category, by level 2 (two digits) then level 1 (one digit).
GROUP_DECISIONS: dict[str, Decision] = {
    "5": Decision(
        Kind.COMMERCIAL,
        "Société commerciale : de l’ESS seulement si SIRENE l’indique (loi de 2014)",
    ),
    "1": Decision(Kind.PUBLIC, "Entrepreneur individuel : hors du champ de l’ESS"),
    "2": Decision(Kind.OUTSIDE, "Groupement sans personnalité morale : hors du champ de l’ESS"),
    "3": Decision(Kind.OUTSIDE, "Personne morale de droit étranger : hors du champ de l’ESS"),
    "4": Decision(Kind.PUBLIC, "Personne morale de droit public : hors du champ de l’ESS"),
    "6": Decision(
        Kind.OUTSIDE,
        "Société civile, GIE ou autre personne morale immatriculée au RCS : hors du champ de l’ESS",
    ),
    "7": Decision(Kind.PUBLIC, "Personne morale de droit public : hors du champ de l’ESS"),
    "81": Decision(
        Kind.OUTSIDE, "Régime obligatoire de protection sociale : hors du champ de l’ESS"
    ),
    "83": Decision(Kind.OUTSIDE, "Comité social et économique : hors du champ de l’ESS"),
    "84": Decision(Kind.OUTSIDE, "Organisme professionnel ou syndicat : exclu par l’INSEE"),
    "91": Decision(Kind.OUTSIDE, "Syndicat de propriétaires : hors du champ de l’ESS"),
    "99": Decision(
        Kind.OUTSIDE,
        "Autre personne morale de droit privé (fonds de dotation…) : hors de la liste de l’INSEE",
    ),
    "0": Decision(Kind.PUBLIC, "Placement collectif sans personnalité morale : hors du champ"),
}

# A name or sign that says cooperative: SCOP, SCIC and CAE are often SAS or SARL (5710, 5499…)
# and their category does not say so; only a person can tell a real cooperative from a name.
COOPERATIVE_NAME = re.compile(r"\b(scop|scic|cae|cooperatives?|cooperatifs?)\b")

UNKNOWN_CATEGORY = Decision(
    Kind.TO_REVIEW, "Catégorie juridique absente ou inconnue de la nomenclature : à vérifier"
)


def decision_for(legal_category: str | None) -> Decision:
    code = (legal_category or "").strip()
    if len(code) != 4 or not code.isdigit():
        return UNKNOWN_CATEGORY
    for key in (code, code[:2], code[:1]):
        if key in DECISIONS:
            return DECISIONS[key]
        if key != code and key in GROUP_DECISIONS:
            return GROUP_DECISIONS[key]
    return UNKNOWN_CATEGORY


def excluded_activity(naf: str | None) -> str | None:
    """Why INSEE leaves this activity out of the ESS field, or None when it does not."""
    code = (naf or "").strip().upper()
    if len(code) == 5 and "." not in code:
        code = f"{code[:2]}.{code[2:]}"
    if code in EXCLUDED_NAF:
        return f"{code}, {EXCLUDED_NAF[code]}"
    if code.startswith(PUBLIC_ADMINISTRATION_DIVISION + "."):
        return f"{code}, administration publique"
    return None


def cooperative_word(names: Iterable[str]) -> str | None:
    """The word by which one of these names says cooperative (« SCIC », « coopérative »)."""
    for name in names:
        folded = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
        found = COOPERATIVE_NAME.search(folded.lower())
        if found:
            return found.group(1)
    return None


def classify(
    legal_category: str,
    naf: str | None,
    ess_flag: str | None,
    names: Iterable[str] = (),
) -> Classification:
    """The ESS family of a legal unit from its legal category, main activity and SIRENE flag;
    `names` (its name, acronym, establishments' signs) may send a commercial company to review."""
    excluded = excluded_activity(naf)
    if excluded is not None:
        return Classification(None, f"Activité exclue du champ de l’ESS : {excluded}", False)
    decision = decision_for(legal_category)
    flagged = (ess_flag or "").strip().upper() == "O"
    if decision.kind is Kind.STATUTORY:
        return Classification(decision.family, decision.reason, False)
    word = cooperative_word(names) if decision.kind is Kind.COMMERCIAL else None
    if word is not None:
        said = word.upper() if word in {"scop", "scic", "cae"} else "coopérative"
        reason = (
            f"Société commerciale (catégorie {legal_category}) dont le nom dit « {said} » : "
            "coopérative (SCOP, SCIC, CAE) ou non ? À vérifier (famille pressentie : coopérative)"
        )
        return Classification(None, reason, True)
    if decision.kind is Kind.COMMERCIAL:
        if flagged:
            return Classification(EssFamily.COMMERCIAL, decision.reason, False)
        return Classification(None, decision.reason, False)
    if decision.kind is Kind.TO_REVIEW:
        return Classification(None, decision.reason, True)
    if decision.kind is Kind.OUTSIDE and flagged:
        reason = f"{decision.reason} ; pourtant indiquée ESS par SIRENE : à vérifier"
        return Classification(None, reason, True)
    return Classification(None, decision.reason, False)


@dataclass(frozen=True)
class TableRow:
    code: str
    label: str
    outcome: str
    reason: str


OUTCOME_LABELS = {
    Kind.COMMERCIAL: "ESS si indiquée par SIRENE",
    Kind.TO_REVIEW: "À vérifier",
    Kind.OUTSIDE: "Hors ESS (à vérifier si SIRENE l’indique ESS)",
    Kind.PUBLIC: "Hors ESS",
}


def decision_table(categories: Iterable[tuple[str, str]]) -> Iterator[TableRow]:
    """One row per (code, label) given, in that order: what the rule decides and why."""
    for code, label in categories:
        decision = decision_for(code)
        if decision.family is not None:
            outcome = decision.family.label
        else:
            outcome = OUTCOME_LABELS[decision.kind]
        yield TableRow(code, label, str(outcome), decision.reason)
