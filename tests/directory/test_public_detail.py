import json
import re

import pytest
from django.test.utils import override_script_prefix

from maillage.core import demo
from maillage.directory.models import SearchLog
from tests.activities.factories import ActivityFactory
from tests.directory.factories import (
    CommuneFactory,
    EstablishmentFactory,
    LegalUnitFactory,
    ThemeFactory,
)
from tests.services.factories import ServiceFactory

pytestmark = pytest.mark.django_db

SQUARE = {
    "type": "Polygon",
    "coordinates": [[[-2.2, 47.6], [-2.0, 47.6], [-2.0, 47.7], [-2.2, 47.7], [-2.2, 47.6]]],
}


def url_of(site, slug):
    return f"/annuaire/{site.pk}-{slug}/"


def detail(client, site, slug):
    response = client.get(url_of(site, slug))
    assert response.status_code == 200
    html = response.content.decode()
    assert "INVALID_TEMPLATE_VARIABLE" not in html
    return html


def json_ld(html):
    body = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    return json.loads(body)


@pytest.fixture
def site():
    commune = CommuneFactory(code="35236", name="Redon", outline=SQUARE)
    unit = LegalUnitFactory(name="Les Amis du Canal", siren="775672272", member=True)
    return EstablishmentFactory(
        legal_unit=unit,
        sign="La Maison du Canal",
        commune=commune,
        street="3 rue des Douves",
        postcode="35600",
        located=True,
        description="Nous réparons des vélos.\n\nVoir https://velos.exemple.org",
        themes=[ThemeFactory(name="Mobilité", slug="mobilite")],
        website="https://canal.exemple.invalid/",
        email="contact@exemple.invalid",
        phone="01 99 00 12 34",
        opening_hours="Le samedi",
        last_confirmed_on="2025-11-03",
    )


def test_the_page_shows_identity_activity_address_and_official_record(client, site):
    html = detail(client, site, "la-maison-du-canal")

    assert "<h1>La Maison du Canal</h1>" in html
    assert "Les Amis du Canal" in html
    assert "Association déclarée" in html
    assert "https://annuaire-entreprises.data.gouv.fr/entreprise/775672272" in html
    assert "Autres organisations fonctionnant par adhésion volontaire" not in html
    assert "Action sociale sans hébergement" in html
    assert "10 à 19 salariés" in html
    assert "3 rue des Douves" in html
    assert "<p>Nous réparons des vélos.</p>" in html
    assert "Mobilité" in html
    assert "Adhérente du pôle" in html
    assert "3 novembre 2025" in html
    assert f'href="/annuaire/{site.pk}/revendiquer/"' in html
    assert "data-maillage-place-map" in html
    assert 'id="contour-commune"' in html


def test_contacts_are_shown_only_when_the_organisation_published_them(client, site):
    hidden = detail(client, site, "la-maison-du-canal")
    assert "contact@exemple.invalid" not in hidden
    assert "01 99 00 12 34" not in hidden
    assert "email" not in json_ld(hidden)

    site.contacts_public = True
    site.save()
    shown = detail(client, site, "la-maison-du-canal")
    assert "contact@exemple.invalid" in shown
    assert "01 99 00 12 34" in shown
    assert json_ld(shown)["email"] == "contact@exemple.invalid"


def test_json_ld_describes_the_organisation(client, site):
    data = json_ld(detail(client, site, "la-maison-du-canal"))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NGO"
    assert data["name"] == "La Maison du Canal"
    assert data["address"]["addressLocality"] == "Redon"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 47.6517, "longitude": -2.0852}
    assert data["url"].endswith(url_of(site, "la-maison-du-canal"))


def test_json_ld_cannot_close_its_script_element(client):
    site = EstablishmentFactory(cooperative=True, sign="</script><script>alert(1)</script>")

    html = client.get(f"/annuaire/{site.pk}/", follow=True).content.decode()

    assert "</script><script>alert(1)" not in html
    assert json_ld(html)["name"] == "</script><script>alert(1)</script>"
    assert json_ld(html)["@type"] == "Organization"


def test_a_wrong_or_missing_slug_redirects_permanently(client, site):
    right = url_of(site, "la-maison-du-canal")

    for wrong in (url_of(site, "autre-nom"), f"/annuaire/{site.pk}/"):
        response = client.get(wrong)
        assert response.status_code == 301
        assert response["Location"] == right


@pytest.mark.parametrize("state", ["hidden", "closed", "not_ess"])
def test_unpublished_entries_are_not_found(client, state):
    site = EstablishmentFactory(sign="Secrète", **{state: True})

    assert client.get(url_of(site, "secrete")).status_code == 404
    assert client.get(f"/annuaire/{site.pk}/").status_code == 404


def test_other_published_establishments_of_the_same_unit_are_listed(client, site):
    EstablishmentFactory(legal_unit=site.legal_unit, sign="Antenne de Bains")
    EstablishmentFactory(legal_unit=site.legal_unit, sign="Antenne fermée", closed=True)

    html = detail(client, site, "la-maison-du-canal")

    assert "Antenne de Bains" in html
    assert "Antenne fermée" not in html


def test_sources_say_when_the_entry_is_fictitious(client, site):
    assert "répertoire SIRENE" in detail(client, site, "la-maison-du-canal")

    demo.mark(site)
    html = detail(client, site, "la-maison-du-canal")
    assert "données fictives de démonstration" in html


def test_a_detail_page_is_not_logged_as_a_search(client, site):
    detail(client, site, "la-maison-du-canal")
    assert not SearchLog.objects.exists()


def test_the_claim_link_follows_the_site_prefix(client, site):
    """Served under a sub-path, the link is still the claim page's (reversed, not written)."""
    with override_script_prefix("/maillage/"):
        html = detail(client, site, "la-maison-du-canal")
    assert f'href="/maillage/annuaire/{site.pk}/revendiquer/"' in html


@pytest.fixture
def organised(site):
    """What the apps above the directory show of the site's organisation, public or not."""
    unit = site.legal_unit
    for title, traits in [
        ("Atelier réparation ouvert", {}),
        ("Atelier passé", {"past": True}),
        ("Atelier en brouillon", {"draft": True}),
        ("Atelier des adhérents", {"members_only": True}),
    ]:
        ActivityFactory(title=title, **traits).organisers.add(unit)
    ActivityFactory(title="Atelier d’une autre structure")
    ServiceFactory(provider=unit, name="Diagnostic vélo solidaire")
    ServiceFactory(provider=unit, name="Service en préparation", draft=True)
    return site


def test_the_page_lists_the_organisations_upcoming_public_activities_and_services(
    client, organised
):
    html = detail(client, organised, "la-maison-du-canal")

    assert "Prochaines activités" in html
    assert "Atelier réparation ouvert" in html
    for hidden in ("Atelier passé", "en brouillon", "des adhérents", "autre structure"):
        assert hidden not in html
    assert "Services proposés" in html
    assert "Diagnostic vélo solidaire" in html
    assert "Service en préparation" not in html


def test_address_and_map_come_first_and_legal_identifiers_last(client, organised):
    html = detail(client, organised, "la-maison-du-canal")
    html = html[html.index("<main") :]  # the JSON-LD of the head says it all too

    address, place_map = html.index("3 rue des Douves"), html.index("data-maillage-place-map")
    activities, siren = html.index("Atelier réparation ouvert"), html.index("775672272")
    assert address < place_map < activities < siren


def test_an_organisation_without_activities_or_services_has_no_empty_section(client, site):
    html = detail(client, site, "la-maison-du-canal")

    assert "Prochaines activités" not in html
    assert "Services proposés" not in html
