"""The page of a request the platform refuses (a filter it cannot read, a link already used),
written once: each app names only where its visitors go back to."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

# Where a refused visitor goes back to: (URL name, link text in French).
Back = tuple[str, str]


def bad_request(
    request: HttpRequest, message: str, *, back: tuple[Back, ...] = (), status: int = 400
) -> HttpResponse:
    links = [(reverse(name), label) for name, label in back]
    context = {"message": message, "back": links}
    return render(request, "core/bad_request.html", context, status=status)
