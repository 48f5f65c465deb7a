"""The visitor's network address, as the deployment says it reaches the application.

By default it is REMOTE_ADDR: the peer of the connection. Behind reverse proxies, the peer is the
last proxy, so every visitor would share one address (one lockout, one rate limit for all).
The deployment then names the header its proxies set (settings.TRUSTED_PROXY_HEADER, for
example « X-Forwarded-For ») and how many proxies append to it (settings.TRUSTED_PROXY_COUNT).
Each proxy appends the address it received the request from, so the visitor is the entry that
many places from the right; entries further left were written by the client and may be forged.
The header is never read when it is not configured: any client can send it.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    peer = _valid(request.META.get("REMOTE_ADDR", ""))
    header = settings.TRUSTED_PROXY_HEADER
    if not header:
        return peer
    value = request.META.get(_meta_key(header), "")
    entries = [entry.strip() for entry in value.split(",") if entry.strip()]
    if not entries:
        return peer  # reached the application without going through the proxies
    # Fewer entries than proxies: the first proxies were bypassed; the leftmost entry was still
    # written by a trusted proxy.
    position = min(settings.TRUSTED_PROXY_COUNT, len(entries))
    return _valid(entries[-position]) or peer


def _meta_key(header: str) -> str:
    return "HTTP_" + header.strip().upper().replace("-", "_")


def _valid(candidate: str) -> str | None:
    try:
        return str(ipaddress.ip_address(candidate.strip()))
    except ValueError:
        return None
