"""One document, five formats: each says the same figures, the same way every time."""

import csv
import datetime
import io
import re
import subprocess
import zipfile
import zlib
from decimal import Decimal

import docx
import odfdo
import pytest
from django.core.management import call_command

from maillage.core.documents import (
    BulletList,
    Chart,
    ChartKind,
    Document,
    Heading,
    Metadata,
    Note,
    PageBreak,
    Paragraph,
    Source,
    Table,
)
from maillage.core.documents.annexes import annexes
from maillage.core.documents.docx import docx_bytes
from maillage.core.documents.html import body
from maillage.core.documents.odt import hub_template, odt, template
from maillage.core.documents.pdf import pdf

FROZEN = datetime.datetime(2026, 12, 7, 10, 30, tzinfo=datetime.UTC)
BY_COMMUNE = Table(
    "Personnes touchées par commune",
    ("Commune", "Personnes", "Heures"),
    (("Redon", 3042, Decimal("1250.50")), ("=Allaire", 17, None)),
)
BY_YEAR = Table("Activités par année", ("Année", "Activités"), (("2025", 41), ("2026", 58)))


def _document(people: int = 3042) -> Document:
    table = Table(BY_COMMUNE.caption, BY_COMMUNE.header, ((("Redon", people, Decimal("1250.50"))),))
    return Document(
        "Rapport d’activité 2026",
        "CADES du Pays de Redon",
        metadata=Metadata(author="CADES", subject="Rapport annuel", created=FROZEN),
        blocks=(
            Heading(1, "Rapport moral"),
            Paragraph("Une année de coopération : 58 activités."),
            BulletList(("Trois groupes de travail", "Deux financeurs")),
            table,
            Chart("Activités par année", ChartKind.LINE, BY_YEAR, "De 41 à 58 activités."),
            Note("Aucun effectif inférieur à 5 n’est publié."),
            Source("registres de la CADES"),
            PageBreak(),
            Heading(2, "Annexes"),
        ),
    )


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " "))


def _pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "rapport.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout


def _pdf_info(data: bytes, tmp_path, *options: str) -> str:
    path = tmp_path / "info.pdf"
    path.write_bytes(data)
    command = ["pdfinfo", *options, str(path)]
    return subprocess.run(command, capture_output=True, check=True, text=True).stdout


def _pdf_objects(data: bytes) -> bytes:
    """The PDF's objects, those packed in compressed object streams included."""
    streams = re.findall(rb"/FlateDecode.*?stream\r?\n(.*?)\r?\nendstream", data, re.S)
    return data + b"".join(zlib.decompress(stream) for stream in streams)


def test_the_pdf_text_holds_the_key_figures(tmp_path):
    text = _flat(_pdf_text(pdf(_document()), tmp_path))

    assert "Rapport d’activité 2026" in text
    assert "Redon 3 042 1 250,50" in text
    assert "2026 58" in text  # a chart's data table is printed beside it


def test_the_pdf_is_tagged_in_french_with_its_title(tmp_path):
    data = pdf(_document())
    info = _pdf_info(data, tmp_path)

    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert re.search(r"^Title:\s+Rapport d’activité 2026$", info, re.M)
    assert re.search(r"^Author:\s+CADES$", info, re.M)
    assert b"/StructTreeRoot" in _pdf_objects(data)
    assert b"/Lang (fr)" in _pdf_objects(data)


def test_the_pdf_structure_has_headings_tables_and_a_figure_with_its_alternative(tmp_path):
    tags = _pdf_info(pdf(_document()), tmp_path, "-struct")

    for tag in ("H1", "H2", "H3", "Table", "TH", "Caption", "L", "Figure"):
        assert re.search(rf"^\s*{tag}\b", tags, re.M), tag
    alternative = "Activités par année".encode("utf-16-be").hex()
    assert f"/Alt <feff{alternative}".encode() in _pdf_objects(pdf(_document()))


def test_the_same_document_gives_the_same_files():
    for render in (pdf, odt, docx_bytes, annexes):
        assert render(_document()) == render(_document()), render.__name__


def test_other_figures_give_another_pdf():
    assert pdf(_document(3042)) != pdf(_document(3043))


def _odt_text(data: bytes) -> str:
    return _flat(odfdo.Document(io.BytesIO(data)).get_formatted_text())


def test_the_odt_read_back_holds_the_same_figures():
    data = odt(_document())
    text = _odt_text(data)
    read = odfdo.Document(io.BytesIO(data))

    assert "Rapport d’activité 2026" in text
    assert "Redon 3 042 1 250,50" in text
    assert "2026 58" in text
    assert read.meta.get_title() == "Rapport d’activité 2026"
    assert read.meta.get_language() == "fr"
    numbers = [p for p in read.body.get_paragraphs(style="Nombre")]
    assert [_flat(p.text) for p in numbers][:2] == ["3 042", "1 250,50"]


def test_the_odt_keeps_the_styles_and_layout_of_the_hubs_template():
    restyled = template()
    restyled.get_style("paragraph", "Nombre").set_properties({"fo:color": "#aa0000"}, area="text")
    restyled.body.append(odfdo.Paragraph("Texte du modèle, remplacé par le rapport"))
    saved = io.BytesIO()
    restyled.save(saved)

    read = odfdo.Document(io.BytesIO(odt(_document(), template_file=saved.getvalue())))

    assert "Texte du modèle" not in _odt_text(odt(_document(), template_file=saved.getvalue()))
    assert (
        read.get_style("paragraph", "Nombre").get_properties(area="text")["fo:color"] == "#aa0000"
    )


def test_the_docx_read_back_holds_the_same_figures_and_its_charts_alternative():
    read = docx.Document(io.BytesIO(docx_bytes(_document())))
    cells = [[_flat(cell.text) for cell in row.cells] for t in read.tables for row in t.rows]

    assert ["Redon", "3 042", "1 250,50"] in cells
    assert ["2026", "58"] in cells
    assert read.core_properties.title == "Rapport d’activité 2026"
    assert read.paragraphs[2].style.name == "Heading 1"
    descriptions = [e.get("descr") for e in read.element.body.iter() if e.get("descr")]
    assert descriptions == ["De 41 à 58 activités."]


def test_every_table_is_a_csv_annex_with_raw_numbers_and_defused_formulas():
    document = Document(
        "Rapport", blocks=(BY_COMMUNE, Chart("Par année", ChartKind.BARS, BY_YEAR, "…"))
    )

    with zipfile.ZipFile(io.BytesIO(annexes(document))) as archive:
        names = archive.namelist()
        rows = list(
            csv.reader(io.StringIO(archive.read(names[0]).decode("utf-8-sig")), delimiter=";")
        )

    assert names == ["01-personnes-touchees-par-commune.csv", "02-activites-par-annee.csv"]
    assert rows == [
        ["Commune", "Personnes", "Heures"],
        ["Redon", "3042", "1250,50"],
        ["'=Allaire", "17", ""],
    ]


def test_the_page_body_has_captioned_tables_right_aligned_numbers_and_titled_charts():
    html = body(_document())

    assert "<caption>Personnes touchées par commune</caption>" in html
    assert '<th scope="col" class="nombre">Personnes</th>' in html
    assert '<td class="nombre">3\u00a0042</td>' in html
    assert '<title id="graphique-1-titre">Activités par année</title>' in html
    assert "<h2>Rapport moral</h2>" in html


@pytest.mark.parametrize("hostile", ["<script>alert(1)</script>", "a & b"])
def test_text_is_escaped_in_the_page(hostile):
    html = body(Document("Rapport", blocks=(Paragraph(hostile),)))

    assert "<script>" not in html
    assert "&amp;" in html or "&lt;script&gt;" in html


def test_the_hub_fills_its_reports_into_the_template_it_restyled(tmp_path, settings):
    path = tmp_path / "modele.odt"
    call_command("document_template", str(path))
    restyled = odfdo.Document(path)
    restyled.get_style("paragraph", "Source").set_properties({"fo:color": "#123456"}, area="text")
    restyled.save(path)
    settings.DOCUMENT_ODT_TEMPLATE = str(path)

    read = odfdo.Document(io.BytesIO(odt(_document(), template_file=hub_template())))

    assert (
        read.get_style("paragraph", "Source").get_properties(area="text")["fo:color"] == "#123456"
    )
