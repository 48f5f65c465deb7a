"""French numbers and the key-figures paragraph."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from maillage.core.french import NBSP, number, percent, plural
from maillage.observatory.presentation.wording import key_figures_paragraph, of_territory


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_integers_read_back_and_group_by_three_with_non_breaking_spaces(value):
    text = number(value)

    assert int(text.replace(NBSP, "")) == value
    assert " " not in text
    groups = text.lstrip("-").split(NBSP)
    assert all(len(g) == 3 for g in groups[1:])
    assert 1 <= len(groups[0]) <= 3


@given(st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False))
def test_decimals_use_a_comma_and_round_half_up(value):
    text = number(value, 1)

    whole, fraction = text.split(",")
    assert len(fraction) == 1
    assert "." not in text
    assert abs(Decimal(whole.replace(NBSP, "") + "." + fraction) - value) <= Decimal("0.05")


@given(st.decimals(min_value=0, max_value=100, places=2, allow_nan=False))
def test_percent_has_a_non_breaking_space_before_the_sign(value):
    text = percent(value, 1)

    assert text.endswith(f"{NBSP}%")
    assert "," in text


def test_rounding_is_half_up_and_never_minus_zero():
    assert number(Decimal("2.5")) == "3"
    assert number(Decimal("12.65"), 1) == "12,7"
    assert number(Decimal("-0.01"), 1) == "0,0"


@given(st.integers(min_value=0, max_value=10**6))
def test_plural_agrees_from_two(count):
    text = plural(count, "association", "associations")

    assert text.endswith("associations") == (count >= 2)


def test_territory_takes_the_right_preposition():
    assert of_territory("Pays de Redon") == "du Pays de Redon"
    assert of_territory("Auray Quiberon") == "d’Auray Quiberon"
    assert of_territory("Redon Agglomération") == "de Redon Agglomération"


def test_the_hubs_key_figures_read_as_in_its_identity_fiche():
    text = key_figures_paragraph(
        "Pays de Redon",
        319,
        Decimal("3042"),
        Decimal("12.7"),
        [("association", 282), ("cooperative", 32), ("mutuelle", 0)],
    )

    assert text == (
        f"319 établissements employeurs – 3{NBSP}042 emplois, soit 12,7{NBSP}% des effectifs "
        f"salariés du Pays de Redon. 282 associations, soit 88{NBSP}% des établissements "
        f"employeurs de l’ESS. 32 coopératives, soit 10{NBSP}%."
    )


def test_singulars_and_a_missing_share_are_worded():
    text = key_figures_paragraph("Redon Agglomération", 1, Decimal("1.5"), None, [("fondation", 1)])

    assert text == (
        "1 établissement employeur – 2 emplois dans l’ESS de Redon Agglomération. "
        f"1 fondation, soit 100{NBSP}% des établissements employeurs de l’ESS."
    )


def test_a_tiny_family_share_is_not_written_zero():
    text = key_figures_paragraph(
        "Pays de Redon", 300, Decimal(10), None, [("association", 299), ("mutuelle", 1)]
    )

    assert f"1 mutuelle, soit moins de 1{NBSP}%." in text
