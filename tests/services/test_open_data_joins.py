"""The open data files join and read as their readers expect: services to structures on
`structure_id` and `source`, absolute page links, phone numbers without a formula apostrophe."""

import csv
import io
import json

import pytest

from maillage.directory.exports import published
from tests.directory.factories import EstablishmentFactory
from tests.services.factories import ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _exports_folder(settings, tmp_path):
    settings.DIRECTORY_EXPORTS_ROOT = tmp_path / "exports"


def whole(client, path: str) -> bytes:
    """The whole directory's file, as the worker writes it after the entries changed."""
    published.rebuild()
    return b"".join(client.get(path))


@pytest.fixture
def offer(territory):
    """Fourteen services from seven providers, as the demonstration has."""
    services = [ServiceFactory(on_offer=True, public_contacts=True) for _ in range(7)]
    services += [ServiceFactory(provider=s.provider, public_contacts=True) for s in services]
    return services


def test_every_service_joins_its_structure_on_id_and_source(client, offer):
    services = client.get("/accompagnement/services.json").json()
    structures = json.loads(whole(client, "/annuaire/export-data-inclusion.json"))

    keys = {(s["source"], s["id"]) for s in structures}
    assert len(services) == 14
    assert all((s["source"], s["structure_id"]) in keys for s in services)


def test_a_service_joins_the_head_office_when_the_provider_has_several_sites(client, territory):
    service = ServiceFactory(on_offer=True)
    head = EstablishmentFactory(legal_unit=service.provider, is_head_office=True)

    (row,) = client.get("/accompagnement/services.json").json()

    assert row["structure_id"].endswith(f"--{head.pk}")


def test_csv_and_geojson_links_are_absolute(client, settings, territory):
    settings.SITE_URL = "https://pole.example.org"
    site = EstablishmentFactory(located=True)

    csv_rows = list(csv.DictReader(io.StringIO(csv_text(client)), delimiter=";"))
    geojson = json.loads(whole(client, "/annuaire/export.geojson"))

    url = f"https://pole.example.org/annuaire/{site.pk}-"
    assert csv_rows[0]["Page dans l’annuaire"].startswith(url)
    assert geojson["features"][0]["properties"]["url"].startswith(url)


def test_phone_numbers_are_national_in_csv_and_e164_in_json(client, territory):
    site = EstablishmentFactory(located=True, public_contacts=True, phone="+33 2 99 71 00 00")
    ServiceFactory(on_offer=True, public_contacts=True)

    rows = csv.DictReader(io.StringIO(csv_text(client)), delimiter=";")
    (row,) = [r for r in rows if r["Identifiant"] == str(site.pk)]
    features = json.loads(whole(client, "/annuaire/export.geojson"))["features"]
    (feature,) = [f for f in features if f["id"] == site.pk]
    service_csv = client.get("/accompagnement/services.csv").content.decode()
    service_json = client.get("/accompagnement/services.json").json()[0]

    assert row["Téléphone"] == "02 99 71 00 00"
    assert feature["properties"]["telephone"] == "+33299710000"
    assert "02 99 00 00 01" in service_csv
    assert "'+33" not in service_csv
    assert service_json["telephone"] == "+33299000001"


def csv_text(client) -> str:
    return whole(client, "/annuaire/export.csv").decode("utf-8-sig")
