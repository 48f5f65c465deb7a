"""The map's side card of one organisation: its public record, a short summary, and what the
apps above the directory show of it (upcoming activities, services), published entries only."""

import pytest
from django.urls import reverse

from tests.activities.factories import ActivityFactory
from tests.directory.factories import EstablishmentFactory, LegalUnitFactory
from tests.services.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def card(client, site, status=200):
    response = client.get(reverse("directory:map_card", args=[site.pk]))
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    return response.json()


@pytest.fixture
def site():
    unit = LegalUnitFactory(name="Les Amis du Canal", cooperative=True)
    return EstablishmentFactory(
        legal_unit=unit,
        sign="La Maison du Canal",
        street="3 rue des Douves",
        postcode="35600",
        city_name="Redon",
        description="Qui sommes-nous\n\nNous réparons des vélos & des remorques.",
        website="https://canal.exemple.invalid/",
        email="contact@exemple.invalid",
        located=True,
    )


def test_the_card_says_name_family_address_summary_website_and_page(client, site):
    data = card(client, site)

    assert data["nom"] == "La Maison du Canal"
    assert data["famille_libelle"] == "Coopérative"
    assert (data["adresse"], data["code_postal"]) == ("3 rue des Douves", "35600")
    assert data["resume"] == "Qui sommes-nous Nous réparons des vélos & des remorques."
    assert data["site_web"] == "https://canal.exemple.invalid/"
    assert data["url"] == f"/annuaire/{site.pk}-la-maison-du-canal/"


def test_the_card_keeps_unpublished_contacts_out(client, site):
    assert card(client, site)["courriel"] == ""


def test_the_card_lists_upcoming_public_activities_and_services(client, site):
    unit = site.legal_unit
    ActivityFactory(title="Atelier réparation", commune=None).organisers.add(unit)
    ActivityFactory(title="Atelier en brouillon", draft=True).organisers.add(unit)
    ServiceFactory(provider=unit, name="Diagnostic vélo")

    sections = {part["cle"]: part for part in card(client, site)["sections"]}

    activities = sections["activites"]
    assert activities["titre"] == "Prochaines activités"
    assert [item["titre"] for item in activities["elements"]] == ["Atelier réparation"]
    assert activities["elements"][0]["url"].startswith("/agenda/")
    assert [item["titre"] for item in sections["services"]["elements"]] == ["Diagnostic vélo"]


def test_a_summary_is_cut_on_a_word(client, site):
    site.description = "mot " * 200
    site.save()

    summary = card(client, site)["resume"]

    assert len(summary) <= 280
    assert summary.endswith("mot…")


@pytest.mark.parametrize("state", [{"hidden": True}, {"closed": True}])
def test_an_unpublished_entry_has_no_card(client, state):
    site = EstablishmentFactory(**state)

    assert card(client, site, status=404)["erreur"]


def test_the_card_reads_a_constant_number_of_queries(client, site, django_assert_max_num_queries):
    """A card's queries do not grow with the organisation's activities and services."""
    unit = site.legal_unit
    ActivityFactory().organisers.add(unit)
    ServiceFactory(provider=unit)
    with django_assert_max_num_queries(99) as one:
        card(client, site)
    for _ in range(2):
        ActivityFactory().organisers.add(unit)
        ServiceFactory(provider=unit)

    with django_assert_max_num_queries(len(one.captured_queries)):
        assert len(card(client, site)["sections"][0]["elements"]) == 3
