"""Home page, legal notice and error pages."""

import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils.text import slugify

from maillage.hub import current_hub
from maillage.privacy import registry
from maillage.privacy.registry import LegalBasis, PersonalData, declaration_for, declared
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
        "space:home",
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
    response = client.get(reverse("space:home"))

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

    html = client_for(user).get(reverse("space:home")).content.decode()

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
def test_only_the_administrator_s_space_links_to_the_admin_and_the_plan_in_it(
    client_for, staff, administrator
):
    def main(user):
        return client_for(user).get(reverse("space:home")).content.decode().split("<main")[1]

    for link in (reverse("admin:index"), reverse("admin:app_list", args=["plan"])):
        assert f'href="{link}"' in main(administrator)
        assert f'href="{link}"' not in main(staff)


@pytest.mark.django_db
def test_member_space_does_not_offer_the_admin_to_a_member(client_for, member):
    main = client_for(member).get(reverse("space:home")).content.decode().split("<main")[1]

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


def _notice_text(html: str) -> str:
    """The visible text of the personal-data part of the legal notice."""
    part = html[html.index('<h2 id="donnees">') : html.index('<h2 id="cookies">')]
    return unescape(" ".join(re.sub(r"<[^>]+>", " ", part).split()))


def _section(html: str, entry) -> str:
    anchor = slugify(entry.purpose)
    start = html.index(f'<h4 id="{anchor}">')
    return unescape(" ".join(html[start : html.index("</section>", start)].split()))


@pytest.mark.django_db
def test_legal_notice_lists_every_processing_of_the_registry(client):
    html = client.get(reverse("web:legal")).content.decode()

    entries = list(declared())
    assert len(entries) > 20
    for entry in entries:
        section = _section(html, entry)
        assert entry.purpose in section
        assert str(entry.legal_basis) in section
        assert entry.recipients in section
        assert entry.retention in section
        for name in entry.fields:
            label = str(entry.model._meta.get_field(name).verbose_name)
            assert label.lower() in section.lower(), name
    assert "partenaires associés au dossier" in _section(
        html, declaration_for("journeys.SupportCase")
    )
    assert "Obligation légale" in _section(html, declaration_for("memberships.Membership"))
    assert "Données concernées" in html


@pytest.mark.django_db
def test_legal_notice_groups_the_rows_of_one_purpose_in_one_section(client):
    html = client.get(reverse("web:legal")).content.decode()

    purpose = declaration_for("journeys.SupportCase").purpose
    assert html.count(f">{purpose}</h4>") == 1
    section = _section(html, declaration_for("journeys.SupportCase"))
    for label in ("intitulé du projet", "avec qui", "prochaine étape"):
        assert label in section.lower()


@pytest.mark.django_db
def test_a_model_declared_in_the_registry_appears_on_the_legal_notice(client, monkeypatch):
    monkeypatch.setitem(
        registry._REGISTRY,
        "observatory.SnapshotRun",
        PersonalData(
            "observatory.SnapshotRun",
            ("requested_by",),
            "requested_by__email",
            "Calcul de l’observatoire demandé par l’équipe",
            "Un an après le calcul",
            LegalBasis.LEGITIMATE_INTEREST,
        ),
    )

    text = _notice_text(client.get(reverse("web:legal")).content.decode())

    assert "Calcul de l’observatoire demandé par l’équipe" in text
    assert "Un an après le calcul" in text


@pytest.mark.django_db
def test_legal_notice_speaks_french_without_code_identifiers(client):
    text = _notice_text(client.get(reverse("web:legal")).content.decode())

    french = " ".join(
        str(field.verbose_name)
        for entry in declared()
        for field in entry.model._meta.concrete_fields
    ).lower()
    code_names = {
        name
        for entry in declared()
        for name in (*entry.fields, *entry.export_fields, entry.model._meta.model_name)
        if name not in french.split()
    }
    # Field names that are French words too (« la file d’envoi », « le résultat du vote »).
    french_too = {"file", "vote"}
    words = set(re.findall(r"[\w.]+", text))
    assert words & code_names - french_too == set()
    assert not re.search(r"\b\w+_\w+\b", text), "snake_case in the notice"
    assert not re.search(r"\b[a-z_]+\.[A-Z]\w+", text), "a model label in the notice"
    assert not any(member.name in text for member in LegalBasis)
    for term in ("Base légale", "Données concernées", "Destinataires", "Durée de conservation"):
        assert term in text
