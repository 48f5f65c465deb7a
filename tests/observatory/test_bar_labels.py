"""A bar's value stays readable inside the chart, however long it is."""

import re
from decimal import Decimal

from maillage.observatory.presentation.svg_charts import WIDTH, Bar, bar_chart


def test_a_long_value_on_the_longest_bar_is_written_inside_it():
    bars = [
        Bar("Association", Decimal(308), "308 établissements, 2 533 emplois"),
        Bar("Fondation", Decimal(2), "2 établissements, 76 emplois"),
    ]

    svg = bar_chart("Par famille", "Établissements par famille", bars, "familles")

    inside = re.search(r'<text x="([\d.]+)"[^>]*text-anchor="end">308 établissements', svg)
    assert inside is not None
    assert float(inside.group(1)) <= WIDTH
    assert '">2 établissements, 76 emplois</text>' in svg
