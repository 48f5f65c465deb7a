"""Absolute addresses for e-mails and feeds, which are read outside any request."""

from django.conf import settings


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path
