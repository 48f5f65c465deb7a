"""What the directory's counts mean: employer, jobs, ESS family and ESS membership, defined once.

The demo, the observatory (from the directory and from a SIRENE stock alike) and the tests all
read these functions, so that the figures of one page are the figures of another.

- **Employer** (INSEE, « établissement employeur »): an establishment that employed someone during
  the year. Every SIRENE bracket but « NN » says so, « 00 » included: « 0 salarié » there means
  nobody on 31 December *but salaried staff during the year*. A known headcount replaces the
  bracket: one or more makes an employer, 0 does not, whatever the bracket said.
- **Jobs**: the known headcount, else the midpoint of the bracket (« 00 » and « NN » count 0; the
  open-ended top bracket counts its lower bound). No bracket at all is unknown, not 0.
- **ESS family**: the directory's classification (`classification.classify`) of the legal
  category, main activity and SIRENE flag; **ESS membership** is having a family.
"""

from __future__ import annotations

from decimal import Decimal

from maillage.directory.classification import classify
from maillage.directory.enums import EssFamily
from maillage.directory.nomenclatures import employee_bracket


def bracket_is_employer(code: str | None) -> bool:
    """Whether the SIRENE bracket `code` describes an employer (all but « NN » and unknown)."""
    bracket = employee_bracket(code)
    return bracket is not None and bracket.low is not None


def bracket_jobs(code: str | None) -> Decimal | None:
    """Jobs a bracket stands for (its midpoint), None when the bracket is missing or unknown."""
    bracket = employee_bracket(code)
    if bracket is None:
        return None
    if bracket.low is None:  # « NN »: nobody employed during the year
        return Decimal(0)
    high = bracket.high if bracket.high is not None else bracket.low
    return Decimal(bracket.low + high) / 2


def is_employer(bracket: str | None, headcount: int | None = None) -> bool:
    if headcount is not None:
        return headcount >= 1
    return bracket_is_employer(bracket)


def jobs(bracket: str | None, headcount: int | None = None) -> Decimal | None:
    """The establishment's jobs: its known headcount, else its bracket's midpoint."""
    if headcount is not None:
        return Decimal(headcount)
    return bracket_jobs(bracket)


def ess_family(legal_category: str, naf: str | None, ess_flag: str | None) -> EssFamily | None:
    """The ESS family the rule gives these values, None outside the ESS."""
    return classify(legal_category, naf, ess_flag).family


def is_ess(family: str | None) -> bool:
    """Whether a stored family puts the organisation in the ESS field (blank: outside)."""
    return bool(family)
