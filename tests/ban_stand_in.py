"""A local stand-in for the Base Adresse Nationale's API, following its documented formats:
`GET /search/?q=…&limit=…` answers a GeoCodeJSON FeatureCollection; `POST /search/csv/`
(multipart: `data` the CSV file, `columns` repeated, `postcode`, `citycode`) answers the CSV
with `latitude`, `longitude`, `result_label`, `result_score`, `result_citycode`, `result_status`…

It knows a few real addresses of Redon; a query is scored by its likeness to their labels.
`mode` makes it misbehave: "slow" (answers after the client gave up), "garbage" (an HTML page
with status 200), "error" (HTTP 503). A closed port stands for a service that is down.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import time
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlparse

from maillage.core.text import fold
from tests.local_server import LocalServer, QuietHandler

# label, name, postcode, city, citycode, longitude, latitude
ADDRESSES = [
    (
        "3 Rue des Douves 35600 Redon",
        "3 Rue des Douves",
        "35600",
        "Redon",
        "35236",
        -2.0849,
        47.6514,
    ),
    (
        "10 Quai Duguay-Trouin 35600 Redon",
        "10 Quai Duguay-Trouin",
        "35600",
        "Redon",
        "35236",
        -2.0836,
        47.6497,
    ),
    (
        "1 Place de la République 35600 Redon",
        "1 Place de la République",
        "35600",
        "Redon",
        "35236",
        -2.0857,
        47.6520,
    ),
]
RESULT_COLUMNS = [
    "latitude", "longitude", "result_label", "result_score", "result_score_next", "result_type",
    "result_id", "result_housenumber", "result_name", "result_street", "result_postcode",
    "result_city", "result_context", "result_citycode", "result_oldcitycode", "result_oldcity",
    "result_district", "result_status",
]  # fmt: skip
NOT_FOUND_BELOW = 0.3


def best(query: str) -> tuple[tuple, float] | None:
    scored = [
        (address, difflib.SequenceMatcher(None, fold(query), fold(address[0])).ratio())
        for address in ADDRESSES
    ]
    address, score = max(scored, key=lambda pair: pair[1])
    return (address, round(score, 4)) if score >= NOT_FOUND_BELOW else None


class StandIn(LocalServer):
    def __init__(self, mode: str = "ok", delay: float = 3.0) -> None:
        self.mode, self.delay = mode, delay
        self.requests: list[str] = []
        super().__init__()

    @property
    def url(self) -> str:
        return self.origin

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        stand_in = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:
                stand_in.requests.append(self.path)
                url = urlparse(self.path)
                if url.path.rstrip("/") != "/search" or self._misbehaves():
                    return
                params = parse_qs(url.query)
                query, limit = params.get("q", [""])[0], int(params.get("limit", ["5"])[0])
                features = [feature(a, s) for a, s in ranked(query)[:limit]]
                body = {"type": "FeatureCollection", "version": "draft", "features": features}
                self._send(200, "application/json", json.dumps(body).encode())

            def do_POST(self) -> None:
                stand_in.requests.append(self.path)
                if urlparse(self.path).path.rstrip("/") != "/search/csv" or self._misbehaves():
                    return
                length = int(self.headers["Content-Length"])
                head = f"Content-Type: {self.headers['Content-Type']}\r\n\r\n".encode()
                message = BytesParser(policy=HTTP).parsebytes(head + self.rfile.read(length))
                fields: dict[str, list] = {}
                for part in message.iter_parts():
                    name = part.get_param("name", header="content-disposition")
                    fields.setdefault(name, []).append(part.get_payload(decode=True))
                self._send(200, "text/csv; charset=utf-8", answer_csv(fields))

            def _misbehaves(self) -> bool:
                if stand_in.mode == "slow":
                    time.sleep(stand_in.delay)
                elif stand_in.mode == "garbage":
                    self._send(200, "text/html", b"<html><body>Maintenance</body></html>")
                    return True
                elif stand_in.mode == "error":
                    self._send(503, "text/plain", b"Service Unavailable")
                    return True
                return False

            def _send(self, status: int, content_type: str, body: bytes) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (the "slow" mode)

        return Handler


def ranked(query: str) -> list[tuple[tuple, float]]:
    found = best(query)
    return [found] if found else []


def feature(address: tuple, score: float) -> dict:
    label, name, postcode, city, citycode, longitude, latitude = address
    properties = {"label": label, "score": score, "name": name, "postcode": postcode}
    properties |= {"city": city, "citycode": citycode, "type": "housenumber"}
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [longitude, latitude]},
        "properties": properties,
    }


def answer_csv(fields: dict[str, list]) -> bytes:
    """The uploaded rows, each with the documented result columns added."""
    columns = [c.decode() for c in fields.get("columns", [])]
    rows = list(csv.DictReader(io.StringIO(fields["data"][0].decode("utf-8-sig"))))
    out = io.StringIO()
    names = list(rows[0]) if rows else []
    writer = csv.DictWriter(out, [*names, *RESULT_COLUMNS])
    writer.writeheader()
    for row in rows:
        found = best(" ".join(row[c] for c in columns if row.get(c)))
        writer.writerow(row | result_columns(found))
    return out.getvalue().encode()


def result_columns(found: tuple[tuple, float] | None) -> dict[str, str]:
    if found is None:
        return dict.fromkeys(RESULT_COLUMNS, "") | {"result_status": "not-found"}
    (label, name, postcode, city, citycode, longitude, latitude), score = found
    return dict.fromkeys(RESULT_COLUMNS, "") | {
        "latitude": str(latitude),
        "longitude": str(longitude),
        "result_label": label,
        "result_score": str(score),
        "result_type": "housenumber",
        "result_name": name,
        "result_postcode": postcode,
        "result_city": city,
        "result_citycode": citycode,
        "result_status": "ok",
    }
