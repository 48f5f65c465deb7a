"""Absolute addresses of the site, for what is read outside any request: e-mails, calendar feeds,
structured data, cancel links.

`SITE_URL` is the address the site is really served on: set in production, and passed by
`make run` (and `make worker`) from its HOST and PORT, so that a server on another port sends
links to that port.
"""

from django.conf import settings


def site_url() -> str:
    return settings.SITE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    """`/agenda/x/` → `https://hub.example.org/agenda/x/`."""
    return site_url() + "/" + path.lstrip("/")
