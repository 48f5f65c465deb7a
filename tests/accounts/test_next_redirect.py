"""After login, `?next=` may only send a person to a page of this site."""

from urllib.parse import urljoin, urlsplit

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

HOSTILE = [
    "https://evil.example/",
    "http://evil.example/connexion",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "https:evil.example",
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "http://testserver@evil.example/",
    "https://testserver.evil.example/",
    " //evil.example",
]


def lands_on_this_site(location: str) -> bool:
    # Browsers drop tabs and newlines and read a backslash as a slash before resolving a URL.
    cleaned = "".join(c for c in location if c not in "\t\r\n").replace("\\", "/").strip()
    parts = urlsplit(urljoin("http://testserver/compte/connexion/", cleaned))
    return parts.scheme == "http" and parts.netloc == "testserver"


@pytest.mark.parametrize("next_url", HOSTILE)
def test_hostile_next_lands_on_the_member_space(sign_in, member, next_url):
    response = sign_in(member.email, next_url=next_url)
    assert response.status_code == 302
    assert response.url == reverse("space:home")


@pytest.mark.parametrize("next_url", ["/valeurs/", "/compte/mot-de-passe/?onglet=1#securite"])
def test_same_site_next_is_honoured(sign_in, member, next_url):
    assert sign_in(member.email, next_url=next_url).url == next_url


@pytest.mark.parametrize("next_url", HOSTILE[:6])
def test_login_page_does_not_carry_a_hostile_next(client, next_url):
    html = client.get(reverse("accounts:login"), {"next": next_url}).content.decode()
    assert "evil.example" not in html


hosts = st.sampled_from(["evil.example", "testserver.evil.example", "127.0.0.1:8000", "[::1]"])
prefixes = st.sampled_from(
    [
        "//",
        "///",
        "/\\",
        "\\\\",
        "\\/",
        "/\t/",
        "http://",
        "https://",
        "https:",
        "HTTPS://",
        "javascript:",
        "ftp://",
        " //",
        "\n//",
        "http:\\\\",
        "https://testserver@",
    ]
)
hostile_next = st.builds(
    lambda prefix, host, path: f"{prefix}{host}{path}",
    prefixes,
    hosts,
    st.text(alphabet="/?#&=.:@\\abc%", max_size=12),
)


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(next_url=st.one_of(hostile_next, st.text(max_size=30)))
def test_no_next_value_ever_redirects_off_site(sign_in, member, next_url):
    response = sign_in(member.email, next_url=next_url)
    assert response.status_code == 302
    assert lands_on_this_site(response.url), response.url
