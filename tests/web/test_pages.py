"""Home page, legal notice and error pages."""

import pytest
from django.urls import reverse

from maillage.hub import current_hub
from maillage.territory.importer import load_configured_territory


@pytest.mark.django_db
def test_home_page_says_what_the_hub_is_and_what_one_can_do(client):
    html = client.get(reverse("web:home")).content.decode()

    assert "<h1>CADES du Pays de Redon</h1>" in html
    assert "économie sociale et solidaire" in html
    for name in [
        "directory:list",
        "directory:map",
        "activities:agenda",
        "observatory:overview",
        "web:member_space",
    ]:
        assert f'href="{reverse(name)}"' in html
    assert 'href="/projet/"' in html


@pytest.mark.django_db
def test_home_page_shows_the_territory_with_its_source_once_loaded(client):
    load_configured_territory(current_hub().territory)

    html = client.get(reverse("web:home")).content.decode()

    assert "<strong>31</strong> communes" in html
    footer = html.split('<footer class="site-footer">')[1]
    assert "Licence Ouverte 2.0" in footer


@pytest.mark.django_db
def test_home_page_works_before_the_territory_is_loaded(client):
    response = client.get(reverse("web:home"))

    assert response.status_code == 200
    assert 'class="figures"' not in response.content.decode()


@pytest.mark.django_db
def test_member_space_asks_an_anonymous_visitor_to_sign_in(client):
    response = client.get(reverse("web:member_space"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("cast", "role_label", "expected", "absent"),
    [
        ("member", "Adhérent", "L’agenda du réseau", "Gestion du pôle"),
        ("partner", "Partenaire", "L’agenda du réseau", "Gestion du pôle"),
        ("staff", "Équipe salariée", "Gestion du pôle", "INVALID_TEMPLATE_VARIABLE"),
        ("administrator", "Administrateur", "Gestion du pôle", "INVALID_TEMPLATE_VARIABLE"),
    ],
)
def test_member_space_greets_each_role_with_what_it_can_do(
    request, client_for, cast, role_label, expected, absent
):
    user = request.getfixturevalue(cast)

    html = client_for(user).get(reverse("web:member_space")).content.decode()

    assert f"Bonjour {user.get_short_name()}" in html
    assert f'<span class="badge">{role_label}</span>' in html
    main = html.split("<main")[1].split("</main>")[0]
    assert expected in main
    assert absent not in main
    assert f'href="{reverse("accounts:password_change")}"' in main
    assert "INVALID_TEMPLATE_VARIABLE" not in html


def test_member_space_cards_are_grouped_by_section_in_page_order(member):
    from maillage.accounts import space

    def extra(user):
        return [
            space.SpaceCard("Z", "/z/", "Dernière section.", section="Gestion du pôle"),
            space.SpaceCard("A", "/a/", "Première section.", section="Mon espace"),
        ]

    space.register_cards(extra)
    try:
        sections = space.cards_for(member)
    finally:
        space._PROVIDERS.remove(extra)

    names = list(sections)
    assert names.index("Mon espace") < names.index("Gestion du pôle")
    assert [card.title for card in sections["Gestion du pôle"]][-1] == "Z"


@pytest.mark.django_db
def test_staff_member_space_links_to_the_admin_and_the_plan_in_it(client_for, staff):
    main = client_for(staff).get(reverse("web:member_space")).content.decode().split("<main")[1]

    assert f'href="{reverse("admin:index")}"' in main
    assert f'href="{reverse("admin:app_list", kwargs={"app_label": "plan"})}"' in main


@pytest.mark.django_db
def test_member_space_does_not_offer_the_admin_to_a_member(client_for, member):
    main = client_for(member).get(reverse("web:member_space")).content.decode().split("<main")[1]

    assert "/admin/" not in main


@pytest.mark.django_db
def test_expired_form_answers_a_french_page_within_the_layout(member):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(member)

    response = client.post(reverse("accounts:logout"))

    assert response.status_code == 403
    html = response.content.decode()
    assert "<h1>Formulaire expiré</h1>" in html
    assert "INVALID_TEMPLATE_VARIABLE" not in html


@pytest.mark.django_db
def test_legal_notice_covers_publisher_data_cookies_and_licences(client):
    html = client.get(reverse("web:legal")).content.decode()

    assert "Ce site est édité par la CADES du Pays de Redon" in html
    assert "mailto:contact@cades.example" in html
    assert "15 minutes" in html
    assert "RGPD" in html
    assert "Aucun cookie de mesure" in html
    assert "Affero" in html
    assert "Licence Ouverte 2.0" in html
    assert "à compléter" not in html


@pytest.mark.django_db
def test_unknown_page_answers_a_french_404_within_the_layout(client):
    response = client.get("/cette-page-n-existe-pas/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Page introuvable</h1>" in html
    assert 'aria-label="Navigation principale"' in html
    assert "INVALID_TEMPLATE_VARIABLE" not in html


@pytest.mark.django_db
def test_forbidden_page_is_in_french(rf, member):
    from django.views.defaults import permission_denied

    request = rf.get("/")
    request.user = member

    response = permission_denied(request, exception=None)

    assert response.status_code == 403
    assert "<h1>Accès refusé</h1>" in response.content.decode()


def test_server_error_page_renders_without_a_request_or_the_database(rf):
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))

    html = response.content.decode()
    assert response.status_code == 500
    assert "<h1>Erreur du serveur</h1>" in html
    assert "web/maillage.css" in html
