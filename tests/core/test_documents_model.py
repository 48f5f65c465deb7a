from decimal import Decimal

import pytest

from maillage.core.documents import Chart, ChartKind, Document, Heading, Table, cell_text

NBSP = "\u00a0"


def test_numbers_in_cells_are_written_the_french_way():
    assert cell_text(3042) == f"3{NBSP}042"
    assert cell_text(Decimal("1250.50")) == f"1{NBSP}250,50"
    assert cell_text(12.66) == "12,7"
    assert cell_text(None) == "–"
    assert cell_text("Redon") == "Redon"


def test_a_column_of_numbers_is_numeric_and_a_column_of_names_is_not():
    table = Table("Activités", ("Commune", "Activités"), (("Redon", 12), ("Allaire", None)))
    assert table.is_numeric(1)
    assert not table.is_numeric(0)


def test_a_column_can_be_declared_numeric_when_its_numbers_are_already_text():
    table = Table(
        "Parts", ("Public", "Part"), (("Jeunes", "12,7 %"),), numeric_columns=frozenset({1})
    )
    assert table.is_numeric(1)


def test_a_row_without_the_cells_of_its_header_is_refused():
    with pytest.raises(ValueError, match="cells of its header"):
        Table("Activités", ("Commune", "Activités"), (("Redon",),))


def test_a_heading_deeper_than_four_levels_is_refused():
    with pytest.raises(ValueError, match="between 1 and 4"):
        Heading(5, "Trop profond")


def test_the_tables_of_a_document_include_the_tables_of_its_charts_in_reading_order():
    first = Table("Par commune", ("Commune", "Activités"), (("Redon", 3),))
    second = Table("Par année", ("Année", "Activités"), (("2026", 3),))
    chart = Chart("Par année", ChartKind.LINE, second, "3 activités en 2026.")
    document = Document("Rapport", blocks=(Heading(1, "Activité"), first, chart))
    assert list(document.tables()) == [first, second]
