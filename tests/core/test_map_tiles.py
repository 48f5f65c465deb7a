"""The configured tile server is allowed by the Content-Security-Policy of the pages that draw
a map, and of no other page."""

import pytest

from maillage.core.map_tiles import TileSource

pytestmark = pytest.mark.django_db


def img_src(response) -> list[str]:
    """The sources of the CSP's img-src (directives come in any order)."""
    directives = [part.split() for part in response["Content-Security-Policy"].split(";")]
    return next(words[1:] for words in directives if words and words[0] == "img-src")


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://tile.example.org/{z}/{x}/{y}.png", "https://tile.example.org"),
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org"),
        ("http://127.0.0.1:8080/tuiles/{z}/{x}/{y}.png?cle=abc", "http://127.0.0.1:8080"),
    ],
)
def test_the_origin_allowed_is_the_tile_servers(url, origin):
    assert TileSource(url, "").origin == origin


@pytest.mark.parametrize("path", ["/carte/", "/territoire/"])
def test_map_pages_allow_the_configured_tiles(client, settings, path):
    settings.MAP_TILE_URL = "https://{s}.tile.example.org/{z}/{x}/{y}.png"

    assert img_src(client.get(path)) == ["'self'", "data:", "https://*.tile.example.org"]


def test_pages_without_a_map_do_not(client, settings):
    settings.MAP_TILE_URL = "https://{s}.tile.example.org/{z}/{x}/{y}.png"

    assert img_src(client.get("/annuaire/")) == ["'self'", "data:"]


@pytest.mark.parametrize("path", ["/carte/", "/territoire/"])
def test_without_tiles_map_pages_allow_no_other_image_source(client, path):
    assert img_src(client.get(path)) == ["'self'", "data:"]
