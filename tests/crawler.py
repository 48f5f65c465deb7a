"""Following the site's links as a role would: the pages and forms reachable from its home
pages, a few pages per route (the demonstration data gives every route something to show)."""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from io import StringIO
from urllib.parse import urljoin, urlsplit

from django.core.management import call_command
from django.test import Client
from django.urls import Resolver404, resolve

from maillage.accounts.demo import DEMO_ACCOUNTS
from maillage.accounts.models import User
from maillage.directory.exports import published

PAGES_PER_ROUTE = 1  # pages of one route (two activities, two organisations) are alike
SKIPPED = re.compile(r"^/(admin|static|media)/|/deconnexion/")
STARTS = ["/", "/espace-membre/", "/equipe/", "/agenda/", "/annuaire/", "/accompagnement/"]
ADMIN = "/admin/"


def load_demo() -> None:
    """The hub and its demo, with the whole directory's files the worker writes after the load
    (before that, their links answer « en préparation » with a 503 by design): the caller points
    DIRECTORY_EXPORTS_ROOT at a folder of the test run."""
    call_command("load_hub", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    published.rebuild()


def demo_clients() -> dict[str, Client]:
    """A visitor and each demonstration account, signed in, by role."""
    clients = {"visiteur": Client(raise_request_exception=False)}
    for account in DEMO_ACCOUNTS:
        client = Client(raise_request_exception=False)
        client.force_login(User.objects.get(email=account.email))
        clients[account.role.value] = client
    return clients


@dataclass(frozen=True)
class Form:
    action: str
    method: str
    fields: tuple[str, ...]


@dataclass
class Crawl:
    pages: list[str] = field(default_factory=list)
    forms: set[Form] = field(default_factory=set)
    # where every form sends, those without a field to fill (a button) too
    actions: set[str] = field(default_factory=set)
    # (page, link) for each link of a page into the admin
    admin_links: list[tuple[str, str]] = field(default_factory=list)


class _FormParser(HTMLParser):
    def __init__(self, page: str):
        super().__init__()
        self.page = page
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._open: dict | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append(urljoin(self.page, attributes["href"]))
        elif tag == "form":
            action = urljoin(self.page, attributes.get("action") or self.page)
            method = (attributes.get("method") or "get").lower()
            self._open = {"action": action, "method": method, "fields": []}
        elif tag in ("input", "select", "textarea") and self._open is not None:
            name = attributes.get("name")
            if name and name != "csrfmiddlewaretoken":
                self._open["fields"].append(name)

    def handle_endtag(self, tag):
        if tag == "form" and self._open is not None:
            self._open["fields"] = tuple(dict.fromkeys(self._open["fields"]))
            self.forms.append(Form(**self._open))
            self._open = None


def _local_path(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.netloc not in ("", "testserver") or not parts.path.startswith("/"):
        return None
    if SKIPPED.search(parts.path):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _route(path: str) -> str | None:
    try:
        return resolve(urlsplit(path).path).route
    except Resolver404:
        return None


def close_file(response) -> None:
    """A file download keeps its file open until read to the end (the test client then ends the
    request without closing the test's database connection, as response.close() would)."""
    if response.streaming:
        b"".join(response.streaming_content)


def crawl(client: Client, starts: list[str]) -> Crawl:
    """Follow the site's links from `starts`, a few pages per route; collect pages and forms."""
    found = Crawl()
    seen: set[str] = set()
    per_route: dict[str, int] = {}
    queue = deque(starts)
    while queue:
        path = queue.popleft()
        route = _route(path)
        if path in seen or route is None or per_route.get(route, 0) >= PAGES_PER_ROUTE:
            continue
        seen.add(path)
        per_route[route] = per_route.get(route, 0) + 1
        response = client.get(path)
        close_file(response)
        assert response.status_code < 500, path
        found.pages.append(path)
        if "html" not in response.get("Content-Type", ""):
            continue
        parser = _FormParser(path)
        parser.feed(response.content.decode())
        for form in parser.forms:
            action = _local_path(form.action)
            if action is not None:
                found.actions.add(action)
            if action is not None and form.fields:
                found.forms.add(Form(action, form.method, form.fields))
        found.admin_links += [
            (path, link) for link in parser.links if urlsplit(link).path.startswith(ADMIN)
        ]
        queue.extend(link for link in map(_local_path, parser.links) if link)
    return found
