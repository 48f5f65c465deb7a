"""A local stand-in for an OpenStreetMap-style raster tile server: `GET /{z}/{x}/{y}.png` answers
a 256 × 256 PNG (a pale square whose shade depends on the tile, so tiles are told apart), and
counts the tiles asked for. Tests never reach a real tile server."""

from __future__ import annotations

import io
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from PIL import Image

TILE_PATH = re.compile(r"^/(\d+)/(\d+)/(\d+)\.png$")


def tile_png(z: int, x: int, y: int) -> bytes:
    shade = 220 + (x + y + z) % 3 * 10
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), (shade, shade, 235)).save(buffer, format="PNG")
    return buffer.getvalue()


class TileServer:
    def __init__(self) -> None:
        self.served: list[tuple[int, int, int]] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """The template a map is configured with."""
        return f"http://127.0.0.1:{self.server.server_address[1]}/{{z}}/{{x}}/{{y}}.png"

    def __enter__(self) -> TileServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        served = self.served

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass  # quiet test output

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
