"""French typography on every HTML page: the text between tags goes through
`maillage.core.french.typography` (« Adresse : Vannes » gets a non-breaking space before the
colon, « guillemets » one inside), so that no line starts with a lone « : » or « ? », whichever
template, message or record the text comes from.

Only text is touched: tags and their attributes (a form's values, links) stay as they are, and
so does the content of `script`, `style`, `pre`, `code` and `textarea`, which is not prose."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from maillage.core.french import typography

TAG = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"</?\s*([a-zA-Z][a-zA-Z0-9-]*)")
NOT_PROSE = {"script", "style", "pre", "code", "textarea"}


def typeset_html(html: str) -> str:
    parts = TAG.split(html)
    inside = ""  # the non-prose element being read, if any
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            match = TAG_NAME.match(part)
            name = match.group(1).lower() if match else ""
            if inside and part.startswith("</") and name == inside:
                inside = ""
            elif not inside and name in NOT_PROSE and not part.startswith("</"):
                inside = name
        elif part and not inside:
            parts[index] = typography(part)
    return "".join(parts)


class FrenchTypographyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            getattr(response, "streaming", False)
            or not response.get("Content-Type", "").startswith("text/html")
            or response.has_header("Content-Encoding")
        ):
            return response
        charset = response.charset or "utf-8"
        response.content = typeset_html(response.content.decode(charset)).encode(charset)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response
