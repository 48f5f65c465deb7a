from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maillage.core.french import euros

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (50, f"50,00{NBSP}€"),
        (Decimal("0"), f"0,00{NBSP}€"),
        (Decimal("1250.5"), f"1{NBSP}250,50{NBSP}€"),
        (Decimal("1234567.891"), f"1{NBSP}234{NBSP}567,89{NBSP}€"),
    ],
)
def test_amounts_are_written_the_french_way(amount, text):
    assert euros(amount) == text


@given(st.decimals(min_value=0, max_value=10**7, places=2))
def test_the_written_amount_reads_back_to_the_same_value(amount):
    written = euros(amount)
    assert Decimal(written.removesuffix(f"{NBSP}€").replace(NBSP, "").replace(",", ".")) == amount
