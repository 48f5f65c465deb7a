"""Reading limits: a file past one is refused in French as soon as the limit is passed."""

import codecs
import gzip
import io
import zipfile

import pytest
from openpyxl import Workbook

from maillage.core.reading import (
    Limits,
    ReadingRefused,
    check_workbook,
    csv_records,
    decoded,
    delimiter_of,
    json_document,
    lines,
    nesting_depth,
    text_encoding,
)

SMALL = Limits(
    decompressed_bytes=10_000,
    rows=100,
    line_bytes=200,
    cells_per_row=10,
    json_depth=5,
    json_bytes=10_000,
    xlsx_bytes=100_000,
)


def _records(data: bytes, limits=SMALL):
    text = decoded(lines(io.BytesIO(data), "f.csv", limits), "utf-8", lambda n: f"ligne {n}")
    return list(csv_records(text, ";", "f.csv", limits))


def test_records_keep_the_line_where_each_starts():
    assert _records(b'a;b\n"x\ny";2\nz;3\n') == [
        (1, ["a", "b"]),
        (2, ["x\ny", "2"]),
        (4, ["z", "3"]),
    ]


def test_a_line_past_the_limit_is_refused_without_reading_it_whole():
    stream = io.BytesIO(b"a;b\n" + b"x" * 10_000_000)

    with pytest.raises(ReadingRefused, match="ligne trop longue \\(ligne 2, plus de 200 octets\\)"):
        _records(stream.getvalue())


def test_a_gzip_of_one_huge_line_is_refused():
    content = gzip.compress(b"x" * 50_000_000)
    with gzip.open(io.BytesIO(content)) as stream, pytest.raises(ReadingRefused) as refusal:
        list(lines(stream, "bombe.csv.gz", SMALL))
    assert "« bombe.csv.gz » a une ligne trop longue" in str(refusal.value)


def test_too_many_rows_are_refused():
    with pytest.raises(ReadingRefused, match="dépasse 100 lignes : découpez-le"):
        _records(b"a;b\n" * 101)
    assert len(_records(b"a;b\n" * 100)) == 100


def test_too_many_decompressed_bytes_are_refused():
    with pytest.raises(ReadingRefused, match="dépasse 300 octets une fois décompressé"):
        _records(b"a;b\n" * 90, Limits(**{**SMALL.__dict__, "decompressed_bytes": 300}))


def test_too_many_cells_in_a_row_are_refused():
    with pytest.raises(ReadingRefused, match="plus de 10 colonnes à la ligne 2"):
        _records(b"a;b\n" + b";" * 10 + b"\n")


def test_an_unclosed_quote_is_refused_in_french():
    with pytest.raises(ReadingRefused, match=r"valeur de plus de 200 octets.*guillemet jamais"):
        _records(b'a;b\n"' + b"xxxxx\n" * 50)


def test_an_undecodable_line_is_named():
    with pytest.raises(ReadingRefused, match="ligne 2"):
        _records(b"a;b\n\xff\xfe;x\n")


def test_nesting_depth_ignores_brackets_in_strings():
    assert nesting_depth('{"a": [1, {"b": "[[[{{{"}], "c": "\\"]"}') == 3
    assert nesting_depth("[]") == 1
    assert nesting_depth("1") == 0


def test_deeply_nested_json_is_refused_in_french(tmp_path):
    path = tmp_path / "carte.json"
    path.write_text("[" * 1_000 + "]" * 1_000)

    with pytest.raises(ReadingRefused, match="plus de 5 niveaux"):
        json_document(path, SMALL)


def test_a_json_file_past_its_size_is_refused_before_reading(tmp_path):
    path = tmp_path / "carte.json"
    path.write_text("[" + "1," * 10_000 + "1]")

    with pytest.raises(ReadingRefused, match="dépasse 9 ko"):
        json_document(path, SMALL)


def _workbook(*rows) -> io.BytesIO:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    content = io.BytesIO()
    book.save(content)
    content.seek(0)
    return content


def test_a_workbook_within_limits_passes():
    check_workbook(_workbook(["Nom", "Courriel"], ["Durand", "lea@exemple.org"]), "c.xlsx", SMALL)


def test_a_workbook_row_of_too_many_cells_is_refused():
    with pytest.raises(ReadingRefused, match="plus de 10 cellules à la ligne 2"):
        check_workbook(_workbook(["Nom"], list(range(11))), "c.xlsx", SMALL)


def test_one_cell_far_to_the_right_counts_as_the_cells_before_it():
    book = Workbook()
    book.active["A1"] = "Nom"
    book.active["XFD1"] = "x"  # openpyxl would fill 16,383 empty cells before it
    content = io.BytesIO()
    book.save(content)

    with pytest.raises(ReadingRefused, match="plus de 10 cellules à la ligne 1"):
        check_workbook(content, "c.xlsx", SMALL)


def test_a_workbook_too_large_once_uncompressed_is_refused():
    content = io.BytesIO()
    with zipfile.ZipFile(content, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("xl/worksheets/sheet1.xml", "<a/>" + " " * 200_000)

    with pytest.raises(ReadingRefused, match="dépasse 97 ko une fois décompressé"):
        check_workbook(content, "c.xlsx", SMALL)


def test_a_file_that_is_not_a_workbook_is_refused():
    with pytest.raises(
        ReadingRefused, match=r"pas un fichier Excel lisible \(format \.xlsx attendu\)"
    ):
        check_workbook(io.BytesIO(b"pas un zip"), "c.xlsx", SMALL)


def test_limits_come_from_settings(settings):
    settings.READING_MAX_ROWS = 7

    assert Limits.from_settings().rows == 7
    assert Limits.from_settings(rows=3).rows == 3


@pytest.mark.parametrize(
    ("sample", "encoding"),
    [
        ("Nom;Commune\nCafé;Redon\n".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "Nom;Commune\nCafé;Redon\n".encode(), "utf-8-sig"),
        ("Nom;Commune\nCafé;Redon\n".encode("cp1252"), "cp1252"),
        ("Nom\nCafé".encode()[:-1], "utf-8"),  # a sample cut inside its last character
    ],
)
def test_a_spreadsheet_s_encoding_is_recognised(sample, encoding):
    assert text_encoding(sample, "annuaire.csv") == encoding


@pytest.mark.parametrize(
    ("sample", "refusal"),
    [
        (b"  \n", "« vide.csv » est vide."),
        ("Nom".encode("utf-16"), "octets nuls : UTF-16 ou binaire ?"),
        (b"Nom\x01\x02;Commune\n", "n’est pas encodé en UTF-8 ou Latin-1 (Windows-1252)"),
        (b"Nom;Commune\n\x81\x8d;x\n", "son contenu est illisible"),
    ],
)
def test_an_empty_binary_or_unknown_encoding_file_is_refused(sample, refusal):
    with pytest.raises(ReadingRefused) as refused:
        text_encoding(sample, "vide.csv")

    assert refusal in str(refused.value)


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [(b"nom;commune;themes", ";"), (b"nom,commune", ","), (b'"nom, sigle";commune', ";")],
)
def test_the_separator_is_the_one_the_header_uses_most(header, delimiter):
    assert delimiter_of(header) == delimiter
