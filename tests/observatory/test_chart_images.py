"""Each chart saves as a PNG image: the same chart as the SVG, drawn by the shared code."""

import io
from datetime import date

import pytest
from PIL import Image

from maillage.observatory.figures.compute import compute_from_directory

DAY = date(2025, 1, 1)
CHART_GREEN = (0x0B, 0x5D, 0x4B)


@pytest.fixture
def snapshot(hand_directory):
    compute_from_directory(data_date=date(2024, 1, 1))  # two dates: the trend has a line
    return compute_from_directory(data_date=DAY)


def _image(response) -> Image.Image:
    image = Image.open(io.BytesIO(response.content))
    image.load()  # decodes the whole image: a truncated file fails here
    return image


@pytest.mark.parametrize("slug", ["familles", "secteurs", "carte", "evolution"])
def test_every_chart_downloads_as_a_printable_png(client, snapshot, slug):
    response = client.get(f"/observatoire/graphiques/{slug}.png?instantane={snapshot.pk}")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert f'filename="observatoire-{slug}.png"' in response["Content-Disposition"]
    image = _image(response)
    assert image.format == "PNG"
    assert image.size[0] >= 1200  # wide enough to print


def test_the_png_bars_are_drawn_in_the_chart_colour(client, snapshot):
    response = client.get(f"/observatoire/graphiques/familles.png?instantane={snapshot.pk}")
    colours = dict((colour, n) for n, colour in _image(response).convert("RGB").getcolors(10**6))

    assert colours.get(CHART_GREEN, 0) > 1000  # the bars, not a stray pixel


def test_the_same_snapshot_gives_the_same_image(client, snapshot):
    url = f"/observatoire/graphiques/secteurs.png?instantane={snapshot.pk}"

    assert client.get(url).content == client.get(url).content


def test_the_page_links_both_image_formats(client, snapshot):
    page = client.get("/observatoire/").content.decode()

    assert f"/observatoire/graphiques/familles.png?instantane={snapshot.pk}" in page
    assert f"/observatoire/graphiques/familles.svg?instantane={snapshot.pk}" in page


def test_unknown_chart_png_is_404_and_bad_snapshot_400(client, snapshot):
    assert client.get("/observatoire/graphiques/inconnu.png").status_code == 404
    assert client.get("/observatoire/graphiques/familles.png?instantane=x").status_code == 400
