"""A local stand-in for an OpenStreetMap-style raster tile server: `GET /{z}/{x}/{y}.png` answers
a 256 × 256 PNG (a pale square whose shade depends on the tile, so tiles are told apart), and
counts the tiles asked for. Tests never reach a real tile server."""

from __future__ import annotations

import io
import re
from http.server import BaseHTTPRequestHandler

from PIL import Image

from tests.local_server import LocalServer, QuietHandler

TILE_PATH = re.compile(r"^/(\d+)/(\d+)/(\d+)\.png$")


def tile_png(z: int, x: int, y: int) -> bytes:
    shade = 220 + (x + y + z) % 3 * 10
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), (shade, shade, 235)).save(buffer, format="PNG")
    return buffer.getvalue()


class TileServer(LocalServer):
    def __init__(self) -> None:
        self.served: list[tuple[int, int, int]] = []
        super().__init__()

    @property
    def url(self) -> str:
        """The template a map is configured with."""
        return f"{self.origin}/{{z}}/{{x}}/{{y}}.png"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        served = self.served

        class Handler(QuietHandler):
            def do_GET(self) -> None:
                match = TILE_PATH.match(self.path)
                if match is None:
                    self.send_error(404)
                    return
                z, x, y = (int(part) for part in match.groups())
                served.append((z, x, y))
                body = tile_png(z, x, y)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler
