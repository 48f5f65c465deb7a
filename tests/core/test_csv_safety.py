"""The one CSV shape every spreadsheet download shares, and the formula guard."""

import csv
import io

from maillage.core.csv_safety import escape_cell, escape_row, spreadsheet_csv


def test_a_spreadsheet_csv_has_a_byte_order_mark_semicolons_and_crlf():
    text = spreadsheet_csv([["Nom", "Ville"], ["Café; associatif", "Redon"]])

    assert text == '\ufeffNom;Ville\r\n"Café; associatif";Redon\r\n'


def test_a_formula_stays_text_and_reads_back_as_written():
    rows = [escape_row(['=HYPERLINK("http://x")', "+33 2 99", "@bob", "ordinaire"])]

    read = list(csv.reader(io.StringIO(spreadsheet_csv(rows).lstrip("\ufeff")), delimiter=";"))

    assert read == [['\'=HYPERLINK("http://x")', "'+33 2 99", "'@bob", "ordinaire"]]
    assert escape_cell(None) == ""
