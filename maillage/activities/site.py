"""Absolute addresses for e-mails and feeds, which are read outside any request."""

from django.conf import settings


def absolute_url(path: str) -> str:
    # SITE_URL (e.g. https://maillage.cades.org) is not a setting yet; see the app README.
    base = getattr(settings, "SITE_URL", "") or "http://127.0.0.1:8000"
    return base.rstrip("/") + path
