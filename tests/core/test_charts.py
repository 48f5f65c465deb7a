import io
from decimal import Decimal
from xml.etree import ElementTree

import pytest
from matplotlib import rc_context
from PIL import Image

from maillage.core import charts
from maillage.core.charts import maps
from maillage.core.charts.drawing import figure_of
from maillage.core.charts.style import RC
from maillage.core.documents import Chart, ChartKind, Table

SVG = "{http://www.w3.org/2000/svg}"
TABLE = Table(
    "Activités par commune",
    ("Commune", "Activités", "Heures"),
    (("Redon", 1200, Decimal("35.5")), ("Allaire", 7, Decimal("12.0"))),
)


def _chart(kind=ChartKind.HORIZONTAL_BARS, table=TABLE):
    return Chart("Activités par commune", kind, table, "Redon compte 1 200 activités.", (1, 2))


def _texts(svg: str) -> list[str]:
    return ["".join(t.itertext()) for t in ElementTree.fromstring(svg).iter(f"{SVG}text")]


@pytest.mark.parametrize("kind", list(ChartKind))
def test_a_chart_svg_has_a_title_and_a_description_for_screen_readers(kind):
    root = ElementTree.fromstring(charts.svg(_chart(kind), "activites"))

    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "activites-titre activites-desc"
    assert root.find(f"{SVG}title").text == "Activités par commune"
    assert root.find(f"{SVG}desc").text == "Redon compte 1 200 activités."


@pytest.mark.parametrize("kind", list(ChartKind))
def test_the_same_chart_gives_the_same_bytes(kind):
    assert charts.svg(_chart(kind), "a") == charts.svg(_chart(kind), "a")
    assert charts.png(_chart(kind)) == charts.png(_chart(kind))


def test_another_figure_gives_another_drawing():
    other = Table("Activités par commune", TABLE.header, (("Redon", 5, Decimal(1)),))
    assert charts.png(_chart()) != charts.png(_chart(table=other))


def test_values_are_written_the_french_way():
    texts = _texts(charts.svg(_chart(), "a"))

    assert "\u00a01\u00a0200" in texts or "1\u00a0200" in [t.strip() for t in texts]
    assert "35,5" in [t.strip() for t in texts]


def test_the_svg_carries_no_inline_style_the_page_policy_would_drop():
    svg = charts.svg(_chart(ChartKind.LINE), "a")

    assert "style=" not in svg
    assert "<style" not in svg
    assert 'fill="#0b5d4b"' in svg or 'stroke="#0b5d4b"' in svg


def test_two_charts_on_one_page_share_no_id():
    first = ElementTree.fromstring(charts.svg(_chart(), "premier"))
    second = ElementTree.fromstring(charts.svg(_chart(), "second"))

    ids = [e.get("id") for root in (first, second) for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    assert all(i.startswith(("premier-", "second-")) for i in ids)


def test_the_png_is_a_whole_image():
    image = Image.open(io.BytesIO(charts.png(_chart(ChartKind.BARS))))
    image.load()
    assert image.format == "PNG"
    assert image.size[0] >= 1200  # printable: 200 dpi


def _square(x: float, y: float) -> dict:
    ring = [[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y + 0.1], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def test_each_commune_of_a_map_is_titled_with_its_value():
    areas = (
        maps.Area("Redon", _square(-2.1, 47.6), 120, "120 emplois"),
        maps.Area("Sans contour", None, 3, "3 emplois"),
    )
    root = ElementTree.fromstring(maps.svg(maps.Choropleth("Emplois", "Carte", areas), "carte"))

    titles = [t.text for t in root.iter(f"{SVG}title")]
    assert titles == ["Emplois", "Redon\u00a0: 120 emplois"]


def test_a_map_without_outlines_says_so():
    areas = (maps.Area("Redon", None, 3, "3 emplois"),)
    root = ElementTree.fromstring(maps.svg(maps.Choropleth("Emplois", "Carte", areas), "carte"))

    assert root.find(f"{SVG}desc").text == "Carte (contours des communes indisponibles)"


def test_the_darkest_shade_goes_to_the_largest_value():
    assert maps.shade(120, 120) == "#0b5d4b"
    assert maps.shade(0, 120) == "#f4f6f3"


LONG_LABELS = Table(
    "Activités par commune",
    ("Commune", "Activités", "Heures"),
    (
        ("Saint-Nicolas-de-Redon et sa très longue commune nouvelle", 123_456, Decimal("35.5")),
        ("Allaire", 7, Decimal("12.0")),
        ("Bains-sur-Oust, Sainte-Marie et Renac réunies", 98_765, Decimal("4.0")),
    ),
)


@pytest.mark.parametrize("kind", list(ChartKind))
def test_everything_drawn_lies_inside_the_picture(kind):
    chart = Chart("Activités", kind, LONG_LABELS, "Description.", (1, 2), value_label="activités")
    with rc_context(RC):
        figure = figure_of(chart)
        drawn = figure.get_tightbbox()  # in inches, every visible artist: labels, ticks, legend
    width, height = figure.get_size_inches()

    assert drawn.x0 >= 0
    assert drawn.y0 >= 0
    assert drawn.x1 <= width
    assert drawn.y1 <= height
    assert drawn.width > width * 0.85  # little blank paper left


@pytest.mark.parametrize("kind", list(ChartKind))
def test_a_chart_without_rows_is_still_drawn(kind):
    # The observatory's overview of a snapshot without figures answered a server error.
    empty = Table("Activités par commune", TABLE.header, ())

    root = ElementTree.fromstring(charts.svg(_chart(kind, table=empty), "vide"))

    assert root.find(f"{SVG}title").text == "Activités par commune"
