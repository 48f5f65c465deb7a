"""Every HTML page gets French spaces in its text, never in its tags, values or scripts."""

import re

import pytest
from django.http import HttpResponse

from maillage.web.typography import FrenchTypographyMiddleware, typeset_html

NBSP = "\u00a0"


def test_text_gets_non_breaking_spaces_but_tags_and_form_values_do_not():
    html = (
        '<p title="Adresse : x">Adresse : Vannes ? « oui »</p>'
        '<textarea name="m">Question : ?</textarea><input value="a : b">'
        "<script>var a = b ? c : d;</script><pre>x : y</pre><p>Fin !</p>"
    )

    assert typeset_html(html) == (
        f'<p title="Adresse : x">Adresse{NBSP}: Vannes{NBSP}? «{NBSP}oui{NBSP}»</p>'
        '<textarea name="m">Question : ?</textarea><input value="a : b">'
        f"<script>var a = b ? c : d;</script><pre>x : y</pre><p>Fin{NBSP}!</p>"
    )


def _visible_text(html: str) -> str:
    html = re.sub(r"<(script|style|pre|code|textarea)\b.*?</\1>", "", html, flags=re.S)
    return " ".join(re.split(r"<[^>]*>", html))


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/mentions-legales/", "/annuaire/", "/observatoire/"])
def test_pages_have_no_plain_space_before_a_colon_or_question_mark(client, url):
    html = client.get(url).content.decode()

    text = _visible_text(html)
    assert not re.search(r" [:;!?]", text), re.findall(r".{20} [:;!?].{10}", text)[:3]
    assert not re.search(r"« ", text)


def test_code_style_links_and_urls_are_left_as_they_are():
    html = (
        "<style>a:hover { color: red; }</style><code>a ? b : c</code>"
        '<a href="/annuaire/?q=a : b">Voir : https://exemple.fr/?q=1</a>'
    )

    assert typeset_html(html) == (
        "<style>a:hover { color: red; }</style><code>a ? b : c</code>"
        f'<a href="/annuaire/?q=a : b">Voir{NBSP}: https://exemple.fr/?q=1</a>'
    )


@pytest.mark.parametrize(
    "content_type",
    ["application/json", "text/csv; charset=utf-8", "text/calendar; charset=utf-8", "text/plain"],
)
def test_responses_that_are_not_html_pages_are_left_as_they_are(rf, content_type):
    body = "Adresse : Vannes ? « oui »"
    middleware = FrenchTypographyMiddleware(lambda request: HttpResponse(body, content_type))

    response = middleware(rf.get("/"))

    assert response.content.decode() == body


def test_an_html_response_gets_french_spaces(rf):
    middleware = FrenchTypographyMiddleware(lambda request: HttpResponse("<p>Adresse : Vannes</p>"))

    response = middleware(rf.get("/"))

    assert response.content.decode() == f"<p>Adresse{NBSP}: Vannes</p>"
