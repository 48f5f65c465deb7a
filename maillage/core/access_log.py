"""gunicorn's access log without personal data: query strings (a searched name, an e-mail in
`?email=`) are dropped on every route, and the secret part of personal links (registration,
password reset, data export, one's calendar of registrations) is masked, in the request line,
the path and the referer alike.

Used by `gunicorn.conf.py` (`logger_class`). No route's query string is kept: listing the
personal ones would miss the next search box, and the path says enough to read the log.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from gunicorn.glogging import Logger  # type: ignore[import-untyped]

MASK = "…"
# Path segments that are secrets: whoever reads them holds the person's link.
_SECRET_SEGMENTS = (
    re.compile(r"^(/agenda/inscription/)[^/]+"),
    re.compile(r"^(/compte/mot-de-passe/reinitialisation/)[^/]+/[^/]+"),
    re.compile(r"^(/donnees/export/)[^/]+"),
    # A person's calendar of their registrations (activities' urls_space): `<id>-<key>.ics`.
    re.compile(r"^(/espace-membre/inscriptions/)[^/]+\.ics"),
)


def private_path(path: str) -> str:
    """The path without its query string, and with the secret segment of personal links masked."""
    path = path.split("?", 1)[0]
    for pattern in _SECRET_SEGMENTS:
        path = pattern.sub(rf"\g<1>{MASK}", path)
    return path


def private_url(url: str) -> str:
    """A full URL (the referer) reduced as `private_path` reduces a path."""
    if url in ("", "-"):
        return url
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, private_path(parts.path), "", ""))


class PrivateAccessLogger(Logger):
    def atoms(
        self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any
    ) -> dict[str, Any]:
        atoms: dict[str, Any] = super().atoms(resp, req, environ, request_time)
        path = private_path(environ.get("RAW_URI") or environ.get("PATH_INFO") or "")
        atoms["r"] = f"{environ['REQUEST_METHOD']} {path} {environ['SERVER_PROTOCOL']}"
        atoms["U"] = private_path(environ.get("PATH_INFO") or "")
        atoms["q"] = ""
        atoms["f"] = private_url(environ.get("HTTP_REFERER", "-"))
        for key in ("{referer}i", "{http_referer}e"):
            if key in atoms:
                atoms[key] = private_url(atoms[key])
        for key in ("{raw_uri}e", "{path_info}e", "{request_uri}e"):
            if key in atoms:
                atoms[key] = private_path(atoms[key])
        atoms["{query_string}e"] = ""
        return atoms
