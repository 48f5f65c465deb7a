import pytest
from hypothesis import given
from hypothesis import strategies as st

from maillage.directory.classification import (
    EXCLUDED_NAF,
    UNKNOWN_CATEGORY,
    Kind,
    classify,
    decision_for,
)
from maillage.directory.enums import EssFamily
from maillage.directory.nomenclatures import legal_categories, naf_codes


@pytest.mark.parametrize(
    ("category", "naf", "flag", "family", "needs_review"),
    [
        ("9220", "88.99B", "O", EssFamily.ASSOCIATION, False),
        ("9220", "88.99B", None, EssFamily.ASSOCIATION, False),
        ("9230", "94.99Z", "", EssFamily.ASSOCIATION, False),
        ("5458", "43.21A", "O", EssFamily.COOPERATIVE, False),  # SCOP SARL
        ("6317", "01.61Z", "N", EssFamily.COOPERATIVE, False),  # coopérative agricole
        ("6316", None, None, EssFamily.COOPERATIVE, False),  # CUMA
        ("8210", "65.12Z", "O", EssFamily.MUTUELLE, False),
        ("6411", "65.12Z", "O", EssFamily.MUTUELLE, False),
        ("9300", "88.10A", "O", EssFamily.FONDATION, False),
        ("5710", "56.10A", "O", EssFamily.COMMERCIAL, False),  # SAS agréée ESS (or SCIC SAS)
        ("5710", "56.10A", "N", None, False),
        ("5499", "47.11B", None, None, False),
        ("1000", "47.11B", "O", None, False),  # a natural person is never ESS
        ("7210", "84.11Z", None, None, False),  # a commune
        ("9220", "94.91Z", "O", None, False),  # religious association: excluded by activity
        ("9220", "9492Z", "O", None, False),  # political party, NAF written without the dot
        ("9220", "94.20Z", None, None, False),  # trade union
        ("9220", "84.13Z", None, None, False),  # public administration
        ("8420", "94.11Z", None, None, False),
        ("9240", "87.30A", None, None, True),  # congregation running a care home: a person looks
        ("8510", "65.12Z", None, None, True),  # institution de prévoyance
        ("5432", "01.61Z", None, None, True),  # SICA
        ("6599", "68.20B", "O", None, True),  # société civile flagged ESS: odd, to review
        ("", None, None, None, True),
        ("12", None, None, None, True),
    ],
)
def test_typical_organisations_are_classified_as_insee_does(
    category, naf, flag, family, needs_review
):
    result = classify(category, naf, flag)

    assert (result.family, result.needs_review) == (family, needs_review)
    assert result.reason


def test_every_legal_category_of_the_nomenclature_has_a_decision():
    undecided = [code for code in legal_categories() if decision_for(code) is UNKNOWN_CATEGORY]

    assert undecided == []


def test_every_category_the_rule_names_exists_in_the_nomenclature():
    from maillage.directory.classification import DECISIONS

    assert set(DECISIONS) <= set(legal_categories())


def test_each_family_has_at_least_one_statutory_category():
    families = {decision_for(code).family for code in legal_categories()}

    assert families >= {
        EssFamily.ASSOCIATION,
        EssFamily.COOPERATIVE,
        EssFamily.MUTUELLE,
        EssFamily.FONDATION,
    }


def test_commercial_companies_other_than_cooperatives_depend_on_the_sirene_flag():
    commercial = [c for c in legal_categories() if c.startswith("5")]

    assert all(
        decision_for(c).kind in {Kind.COMMERCIAL, Kind.STATUTORY, Kind.TO_REVIEW}
        for c in commercial
    )
    assert decision_for("5710").kind is Kind.COMMERCIAL


def test_excluded_activities_exist_in_naf():
    assert set(EXCLUDED_NAF) <= set(naf_codes())


categories = st.sampled_from(sorted(legal_categories())) | st.text(max_size=6)
naf = st.sampled_from(sorted(naf_codes())) | st.none() | st.text(max_size=7)
flags = st.sampled_from(["O", "N", "", " o ", "X"]) | st.none()
excluded_naf = st.sampled_from(
    sorted(EXCLUDED_NAF) + [code for code in naf_codes() if code.startswith("84.")]
)


@given(category=categories, naf=excluded_naf, flag=flags, dotless=st.booleans())
def test_an_excluded_activity_is_never_ess(category, naf, flag, dotless):
    code = naf.replace(".", "") if dotless else naf

    assert classify(category, code, flag).family is None


@given(category=categories, naf=naf, flag=flags)
def test_the_result_is_a_family_or_nothing_and_always_explained(category, naf, flag):
    result = classify(category, naf, flag)

    assert result.family is None or result.family in EssFamily
    assert result.reason.strip()
    assert not (result.is_ess and result.needs_review)


@given(category=categories, naf=naf, flag=flags)
def test_classification_is_deterministic(category, naf, flag):
    assert classify(category, naf, flag) == classify(category, naf, flag)


def test_the_french_documentation_prints_the_current_decision_table():
    from io import StringIO
    from pathlib import Path

    from django.core.management import call_command

    import maillage.directory

    output = StringIO()
    call_command("ess_classification_table", stdout=output)
    document = Path(maillage.directory.__file__).with_name("CLASSIFICATION.md")

    assert output.getvalue().strip() in document.read_text(encoding="utf-8")
