"""What a visitor downloads to open the map with a tile server configured: the page's HTML and
the JavaScript and CSS it links (tiles, outlines and points are fetched afterwards, as the map
moves). Printed raw and gzipped; the budget is on the gzipped total, which does not depend on
the machine: it catches a heavy library or a bloated page slipping in."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from maillage.core.french import number as fr

BUDGET_GZIPPED_BYTES = 120_000
ASSET = re.compile(r'<(?:script[^>]*\ssrc|link rel="stylesheet"[^>]*\shref)="([^"]+)"')


def _asset_bytes(url: str, static_url: str) -> bytes:
    path = finders.find(url.removeprefix(static_url))
    assert path, f"{url} is not a static file"
    with open(path, "rb") as file:
        return file.read()


@pytest.mark.django_db
def test_the_tiles_configured_map_page_weight(settings, capsys):
    settings.MAP_TILE_URL = "https://tuiles.example.org/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = "© Contributeurs d’OpenStreetMap"
    response = Client().get("/carte/")
    assert response.status_code == 200
    html = response.content
    parts = {"HTML": html}
    for url in ASSET.findall(html.decode()):
        parts[url] = _asset_bytes(url, settings.STATIC_URL)
    lines = [f"{'poids de la carte (tuiles configurées)':<48}{'octets':>10}{'gzip':>10}"]
    for name, body in parts.items():
        lines.append(f"{name:<48}{fr(len(body)):>10}{fr(len(gzip.compress(body))):>10}")
    raw = sum(len(body) for body in parts.values())
    zipped = sum(len(gzip.compress(body)) for body in parts.values())
    lines.append(f"{'total HTML + JS + CSS':<48}{fr(raw):>10}{fr(zipped):>10}")
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert zipped <= BUDGET_GZIPPED_BYTES
