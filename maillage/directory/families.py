"""The ESS family a legal unit gets: the rule's (`classification.py`), unless staff decided.

Staff settle a unit the rule sends to review, or override the rule, on the family page with a
reason (`stewardship/family_decisions.py`); the decision is kept on the unit and wins at every
later import. Every write of a unit passes through `enforce` (`LegalUnit.save`, `bulk_create`),
so no import, demo or form stores a family the rule forbids.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from maillage.directory.classification import Classification, classify
from maillage.directory.enums import FamilyDecision

if TYPE_CHECKING:
    from maillage.directory.models import LegalUnit

NAF_REV2 = {"NAFRev2", ""}  # older nomenclatures' codes say nothing the rule can read
REASON_LENGTH = 300


def rule(unit: LegalUnit, names: Iterable[str] = ()) -> Classification:
    """What the rule says of this unit; `names` adds its establishments' signs."""
    naf = unit.naf_code if unit.naf_nomenclature in NAF_REV2 else None
    return classify(unit.legal_category, naf, unit.ess_flag, [unit.name, unit.acronym, *names])


def decided(unit: LegalUnit) -> str | None:
    """The family staff decided ("" for outside the ESS), or None when they did not."""
    if not unit.decided_family:
        return None
    return "" if unit.decided_family == FamilyDecision.OUTSIDE else unit.decided_family


def settle(unit: LegalUnit, names: Iterable[str] = ()) -> dict[str, Any]:
    """The family fields the unit should have: the staff's decision, else the rule's. A unit
    without legal category (from a map or a spreadsheet) keeps the family its source gave, and
    is to be checked when it has none."""
    family = decided(unit)
    if family is not None:
        return {"ess_family": family, "ess_needs_review": False, "ess_review_reason": ""}
    result = rule(unit, names)
    if result.needs_review and not unit.legal_category and unit.ess_family:
        return {"ess_family": unit.ess_family, "ess_needs_review": False, "ess_review_reason": ""}
    return {
        "ess_family": result.family or "",
        "ess_needs_review": result.needs_review,
        "ess_review_reason": result.reason[:REASON_LENGTH] if result.needs_review else "",
    }


def enforce(unit: LegalUnit) -> None:
    """Replace a stored family the rule forbids: by the staff's decision when there is one, else
    by the rule's family (none, for a unit outside the ESS). A unit under review with a legal
    category waits for a person without family. Blank families stay blank: importers derive
    them with `settle`, which can read the establishments' signs."""
    family = decided(unit)
    if family is not None:
        unit.ess_family, unit.ess_needs_review, unit.ess_review_reason = family, False, ""
        return
    if not unit.ess_family:
        return
    result = rule(unit)
    if not result.needs_review and unit.ess_family != (result.family or ""):
        unit.ess_family = result.family or ""
    elif result.needs_review and unit.legal_category:
        unit.ess_family = ""
        unit.ess_needs_review = True
        unit.ess_review_reason = result.reason[:REASON_LENGTH]


def has_override(unit: LegalUnit) -> bool:
    """Staff gave a family the rule would not give (settling a unit under review is not one)."""
    family = decided(unit)
    if family is None:
        return False
    result = rule(unit)
    return not result.needs_review and family != (result.family or "")


def forbidden(unit: LegalUnit) -> bool:
    """The stored family is one the rule (or the staff's decision) does not give."""
    family = decided(unit)
    if family is not None:
        return unit.ess_family != family
    result = rule(unit)
    if result.needs_review:
        return bool(unit.ess_family) and bool(unit.legal_category)
    return bool(unit.ess_family) and unit.ess_family != (result.family or "")
