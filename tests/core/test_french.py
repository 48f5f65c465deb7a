"""French numbers and typography, one way everywhere."""

from decimal import Decimal

import pytest
from django.template import Context, Template

from maillage.core.french import count, number, of, percent, points, typography, year

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("value", "text"),
    [(13700.0, f"13{NBSP}700"), (Decimal("149.0"), "149"), (3042.4, f"3{NBSP}042"), (0, "0")],
)
def test_counts_have_no_decimals(value, text):
    assert count(value) == text


def test_numbers_group_thousands_and_use_a_decimal_comma():
    assert number(Decimal("12345.67"), 1) == f"12{NBSP}345,7"
    assert number(Decimal("-0.04"), 1) == "0,0"


def test_a_year_has_no_thousands_separator():
    assert year(2026) == "2026"


def test_a_gap_between_percentages_is_in_points_with_a_real_minus():
    assert points(Decimal("-1.4")) == f"\u22121,4{NBSP}pt"
    assert points(Decimal("0.3")) == f"+0,3{NBSP}pt"
    assert percent(Decimal("12.7")) == f"12,7{NBSP}%"


def test_punctuation_gets_non_breaking_spaces():
    assert typography("Adresse : Redon ; ouvert ? oui ! « vite »") == (
        f"Adresse{NBSP}: Redon{NBSP}; ouvert{NBSP}? oui{NBSP}! «{NBSP}vite{NBSP}»"
    )
    assert typography("«déjà»") == f"«{NBSP}déjà{NBSP}»"
    assert typography(f"«{NBSP}déjà{NBSP}»") == f"«{NBSP}déjà{NBSP}»"
    assert typography("https://exemple.org/?q=1") == "https://exemple.org/?q=1"


@pytest.mark.parametrize(
    ("name", "complement"),
    [
        ("la CADES", "de la CADES"),
        ("le Pôle ESS", "du Pôle ESS"),
        ("les Tiers-lieux", "des Tiers-lieux"),
        ("l’Écopôle", "de l’Écopôle"),
        ("Ecopôle", "d’Ecopôle"),
        ("Redon Agglomération", "de Redon Agglomération"),
    ],
)
def test_the_complement_of_a_name_contracts_its_article(name, complement):
    assert of(name) == complement


def test_templates_write_numbers_through_the_formatter():
    html = Template(
        "{{ year|year }} {{ n|count }} {{ gap|points }} {{ share|percent }} {{ none|count }}"
    ).render(Context({"year": 2026, "n": 13700.0, "gap": -1.4, "share": 12.7, "none": None}))

    assert html == f"2026 13{NBSP}700 \u22121,4{NBSP}pt 12,7{NBSP}% –"
