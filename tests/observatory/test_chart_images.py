"""Each chart saves as a PNG image: the same chart as the SVG, drawn on the server."""

import io
from datetime import date
from xml.etree import ElementTree

import pytest
from PIL import Image, ImageDraw, ImageFont

from maillage.observatory.figures.compute import compute_from_directory
from maillage.observatory.presentation.png import FONT, SCALE

DAY = date(2025, 1, 1)


@pytest.fixture
def snapshot(hand_directory):
    compute_from_directory(data_date=date(2024, 1, 1))  # two dates: the trend has a line
    return compute_from_directory(data_date=DAY)


def _size(svg: bytes) -> tuple[int, int]:
    root = ElementTree.fromstring(svg)
    return int(root.get("width")), int(root.get("height"))


@pytest.mark.parametrize("slug", ["familles", "secteurs", "carte", "evolution"])
def test_every_chart_downloads_as_a_png_twice_the_size_of_its_svg(client, snapshot, slug):
    response = client.get(f"/observatoire/graphiques/{slug}.png?instantane={snapshot.pk}")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert f'filename="observatoire-{slug}.png"' in response["Content-Disposition"]
    image = Image.open(io.BytesIO(response.content))
    image.load()  # decodes the whole image: a truncated file fails here
    assert image.format == "PNG"
    svg = client.get(f"/observatoire/graphiques/{slug}.svg?instantane={snapshot.pk}").content
    width, height = _size(svg)
    assert image.size == (width * SCALE, height * SCALE)


def test_the_png_bars_are_drawn_in_the_chart_colour(client, snapshot):
    response = client.get(f"/observatoire/graphiques/familles.png?instantane={snapshot.pk}")
    image = Image.open(io.BytesIO(response.content)).convert("RGB")

    # The first bar (associations, the longest) starts at x=0, y=28..44 in the SVG.
    assert image.getpixel((10 * SCALE, 36 * SCALE)) == (0x0B, 0x5D, 0x4B)
    assert image.getpixel((630 * SCALE, 36 * SCALE)) == (255, 255, 255)


def test_the_page_links_both_image_formats(client, snapshot):
    page = client.get("/observatoire/").content.decode()

    assert f"/observatoire/graphiques/familles.png?instantane={snapshot.pk}" in page
    assert f"/observatoire/graphiques/familles.svg?instantane={snapshot.pk}" in page


def test_unknown_chart_png_is_404_and_bad_snapshot_400(client, snapshot):
    assert client.get("/observatoire/graphiques/inconnu.png").status_code == 404
    assert client.get("/observatoire/graphiques/familles.png?instantane=x").status_code == 400


def _glyph(font, text: str) -> bytes:
    image = Image.new("L", (60, 60))
    ImageDraw.Draw(image).text((5, 5), text, font=font, fill=255)
    return image.tobytes()


def test_the_png_font_draws_french_letters_not_missing_glyph_boxes():
    font = ImageFont.truetype(str(FONT), 26)
    missing = _glyph(font, "\uffff")

    for letter in "éèêàçôù’«»\u202f":
        assert _glyph(font, letter) != missing, letter
