"""The layout every page shares: navigation, skip link, accessible messages, footer, CSP."""

import re

import pytest
from django.urls import reverse

PUBLIC_PAGES = [
    "/",
    "/annuaire/",
    "/carte/",
    "/observatoire/",
    "/agenda/",
    "/accompagnement/",
    "/groupes/",
    "/besoins/",
    "/mentions-legales/",
]
MAIN_SECTIONS = {
    "Annuaire": "/annuaire/",
    "Carte": "/carte/",
    "Observatoire": "/observatoire/",
    "Agenda": "/agenda/",
    "Accompagnement": "/accompagnement/",
    "Besoins": "/besoins/",
    "Projet": "/projet/",
    "Espace membre": "/espace-membre/",
}


def main_nav(html: str) -> str:
    match = re.search(r'<nav[^>]*aria-label="Navigation principale".*?</nav>', html, re.S)
    assert match, "main navigation is missing"
    return match.group(0)


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_page_renders_for_an_anonymous_visitor(client, url):
    response = client.get(url)

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in html
    assert "INVALID_TEMPLATE_VARIABLE" not in html
    assert html.count("<h1") == 1


@pytest.mark.django_db
def test_every_main_section_is_linked_from_the_navigation(client):
    nav = main_nav(client.get("/").content.decode())

    for label, path in MAIN_SECTIONS.items():
        assert f'<a href="{path}">{label}</a>' in nav


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "label"), [("/annuaire/", "Annuaire"), ("/agenda/", "Agenda")])
def test_navigation_marks_the_current_section(client, url, label):
    nav = main_nav(client.get(url).content.decode())

    assert re.findall(r'aria-current="page">([^<]+)</a>', nav) == [label]


@pytest.mark.django_db
def test_home_page_marks_no_section_as_current(client):
    assert "aria-current" not in main_nav(client.get("/").content.decode())


@pytest.mark.django_db
def test_skip_link_is_the_first_link_and_targets_the_main_landmark(client):
    html = client.get("/").content.decode()

    first_link = re.search(r"<a [^>]*>[^<]*</a>", html).group(0)
    assert first_link == '<a class="skip-link" href="#contenu">Aller au contenu</a>'
    assert '<main id="contenu"' in html


@pytest.mark.django_db
def test_anonymous_visitor_is_offered_to_sign_in(client):
    html = client.get("/").content.decode()

    assert f'href="{reverse("accounts:login")}"' in html
    assert "Se déconnecter" not in html


@pytest.mark.django_db
def test_signed_in_person_sees_their_name_and_a_logout_form(client_for, member):
    html = client_for(member).get("/").content.decode()

    assert member.full_name in html
    assert f'<form method="post" action="{reverse("accounts:logout")}">' in html
    assert "csrfmiddlewaretoken" in html
    assert "Se connecter</a>" not in html


@pytest.mark.django_db
def test_footer_links_the_administration_for_administrators_only(
    client_for, member, staff, administrator
):
    admin_link = f'href="{reverse("admin:index")}"'

    assert admin_link not in client_for(member).get("/").content.decode()
    assert admin_link not in client_for(staff).get("/").content.decode()
    assert admin_link in client_for(administrator).get("/").content.decode()


@pytest.mark.django_db
def test_footer_shows_hub_identity_and_legal_links(client):
    footer = client.get("/").content.decode().split('<footer class="site-footer">')[1]

    assert "CADES du Pays de Redon" in footer
    assert "contact@cades.example" in footer
    for path in ["/valeurs/", "/qui-sommes-nous/", "/territoire/", "/mentions-legales/"]:
        assert f'href="{path}"' in footer
    assert "logiciel libre" in footer


@pytest.mark.django_db
def test_messages_are_announced_to_assistive_technologies(rf, member):
    from django.contrib.messages import constants
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.template.loader import render_to_string

    request = rf.get("/")
    request.user = member
    request.session = {}
    storage = FallbackStorage(request)
    storage.add(constants.SUCCESS, "Modifications enregistrées.")
    storage.add(constants.ERROR, "Action impossible.")
    request._messages = storage

    html = render_to_string("web/home.html", request=request)

    assert re.search(r'role="status">Modifications enregistrées\.', html)
    assert re.search(r'role="alert">Action impossible\.', html)


@pytest.mark.django_db
def test_pages_send_a_content_security_policy_without_inline_scripts(client):
    policy = client.get("/").headers["Content-Security-Policy"]

    script_src = re.search(r"script-src ([^;]*)", policy).group(1)
    assert "'self'" in script_src
    assert "'unsafe-inline'" not in script_src
    assert "'unsafe-inline'" not in re.search(r"style-src ([^;]*)", policy).group(1)


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_pages_contain_no_inline_script_or_style(client, url):
    html = client.get(url).content.decode()

    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert "<style" not in html
    assert " style=" not in html
    assert not re.search(r"\son[a-z]+=", html)


@pytest.mark.django_db
def test_every_page_says_the_site_shows_fictitious_data_while_demo_rows_are_loaded(client):
    from maillage.core import demo
    from tests.directory.factories import EstablishmentFactory

    notice = "Site de démonstration"
    EstablishmentFactory(sign="Réelle")
    assert all(notice not in client.get(url).content.decode() for url in PUBLIC_PAGES)

    demo.mark(EstablishmentFactory(sign="Fictive"))
    for url in [*PUBLIC_PAGES, "/besoins/", "/devenir-adherent/"]:
        html = client.get(url).content.decode()
        assert notice in html, url
        assert "sont des données fictives" in html, url
