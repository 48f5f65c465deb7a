"""Staff and representatives' address fields are completed from the Base Adresse Nationale,
through this site's proxy (here to a local stand-in); a new address is geocoded again."""

import pytest
from django.urls import reverse

from maillage.directory.enums import GeocodingStatus, Source
from maillage.directory.models import Establishment, Geocoding
from maillage.directory.stewardship import editing
from tests.ban_stand_in import StandIn
from tests.directory.factories import EstablishmentFactory

pytestmark = pytest.mark.django_db
SUGGESTIONS = "/adresses/suggestions/"


def test_suggestions_come_from_the_national_address_base(client_for, staff, settings):
    with StandIn() as ban:
        settings.BAN_API_URL = ban.url
        answer = client_for(staff).get(SUGGESTIONS, {"q": "quai duguay trouin redon"}).json()

    assert answer["suggestions"] == [
        {
            "label": "10 Quai Duguay-Trouin 35600 Redon",
            "name": "10 Quai Duguay-Trouin",
            "postcode": "35600",
            "city": "Redon",
        }
    ]
    assert ban.requests[0].startswith("/search/?q=quai+duguay+trouin+redon&limit=5")


def test_when_the_service_is_down_the_field_stays_a_plain_field(client_for, staff):
    response = client_for(staff).get(SUGGESTIONS, {"q": "quai duguay"})

    assert response.status_code == 503
    assert response.json()["message"].startswith("Les suggestions d’adresses sont indisponibles")


def test_suggestions_need_a_signed_in_person(client):
    assert client.get(SUGGESTIONS, {"q": "quai"}).status_code == 302


def test_the_edit_forms_hook_the_completion_on_the_street_field(client_for, staff):
    site = EstablishmentFactory()

    page = client_for(staff).get(reverse("directory:staff_edit_entry", args=[site.pk]))

    html = page.content.decode()
    assert f'data-maillage-address="{SUGGESTIONS}"' in html
    assert "directory/address-complete.js" in html


def test_a_new_address_forgets_the_geocoded_position_but_not_a_given_one(staff):
    geocoded = EstablishmentFactory(located=True, street="1 rue A")
    geocoded.provenance["longitude"] = {"source": Source.GEOCODER, "confirmed_at": "2026-01-01"}
    geocoded.save()
    Geocoding.objects.create(establishment=geocoded, status=GeocodingStatus.PLACED, score=0.9)
    given = EstablishmentFactory(located=True, street="1 rue B")

    for site in (geocoded, given):
        editing.staff_edit(site, {"street": "3 rue des Douves"}, staff)

    geocoded.refresh_from_db()
    given.refresh_from_db()
    assert (geocoded.street, geocoded.longitude) == ("3 rue des Douves", None)
    assert not Geocoding.objects.exists()
    assert given.longitude == -2.0852
    assert Establishment.objects.get(pk=given.pk).street == "3 rue des Douves"
