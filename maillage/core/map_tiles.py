"""The base layer of every map: a raster tile source named by the deployment (`MAP_TILE_URL`,
`MAP_TILE_ATTRIBUTION`), or none, and then the maps draw commune outlines only.

The browser may load images from the tile server only on the pages that draw a map: those
views add the server's origin to the response's Content-Security-Policy (`allow_tiles`), so the
policy follows the setting and no other page widens it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

# Leaflet's subdomain placeholder (`https://{s}.tile.example.org/…`) becomes a CSP wildcard.
SUBDOMAIN = "{s}"


@dataclass(frozen=True)
class TileSource:
    url: str
    attribution: str

    @property
    def origin(self) -> str:
        parts = urlsplit(self.url.replace(SUBDOMAIN, "*"))
        return f"{parts.scheme}://{parts.netloc}"


def configured_tiles() -> TileSource | None:
    """The configured source, or None for outlines only."""
    url = settings.MAP_TILE_URL
    return TileSource(url, settings.MAP_TILE_ATTRIBUTION) if url else None


def allow_tiles(
    view: Callable[..., HttpResponseBase],
) -> Callable[..., HttpResponseBase]:
    """Let the page's maps load the configured tiles (a CSP `img-src` for their origin)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = view(request, *args, **kwargs)
        tiles = configured_tiles()
        if tiles is not None:
            response._csp_update = {"img-src": [tiles.origin]}  # type: ignore[attr-defined]
        return response

    return wrapper
