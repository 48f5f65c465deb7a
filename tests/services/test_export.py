import csv
import io
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from tests.directory.factories import EstablishmentFactory
from tests.services.factories import ServiceFactory

SCHEMA = json.loads((Path(__file__).parent / "data" / "service.json").read_text())
validator = Draft202012Validator(SCHEMA, format_checker=FormatChecker())


def exported(client):
    response = client.get("/accompagnement/services.json")
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def full_service(territory, redon):
    return ServiceFactory(
        on_offer=True,
        public_contacts=True,
        area=[redon, redon.epci, redon.departement],
        kind="accompagnement",
        themes=["creer-une-entreprise--developper-son-entreprise"],
        publics=["jeunes", "femmes"],
        stages=["creation"],
        fee="payant",
        fee_details="50 € la séance",
        reception_modes=["en-presentiel", "a-distance"],
        contact_modes=["telephoner"],
        contact_by=["usagers"],
        contact_link="https://exemple.invalid/rdv",
    )


def test_every_exported_service_is_valid_against_the_official_schema(client, full_service):
    ServiceFactory(on_offer=True)  # nothing optional filled in
    rows = exported(client)
    assert len(rows) == 2
    for row in rows:
        errors = [error.message for error in validator.iter_errors(row)]
        assert errors == [], errors


def test_export_carries_the_zone_as_official_geographic_codes(client, full_service):
    (row,) = exported(client)
    assert row["zone_eligibilite"] == ["35", "243500741", "35236"]
    assert row["id"].endswith(f"--{full_service.pk}")
    assert row["lien_source"] == f"http://testserver/accompagnement/services/{full_service.pk}/"
    assert row["courriel"] == "camille@exemple.invalid"


def test_export_leaves_out_contacts_the_provider_did_not_publish(client, territory):
    ServiceFactory(on_offer=True, private_contacts=True)
    (row,) = exported(client)
    assert row["contact_nom_prenom"] is None
    assert row["courriel"] is None
    assert row["telephone"] is None
    body = client.get("/accompagnement/services.csv").content.decode()
    assert "Dominique Secret" not in body
    assert "secret@exemple.invalid" not in body


def test_export_holds_only_published_services_of_publicly_shown_providers(client, territory):
    shown = ServiceFactory(on_offer=True, name="Publié")
    ServiceFactory(on_offer=True, draft=True, name="Brouillon")
    ServiceFactory(on_offer=True, submitted=True, name="À valider")
    ServiceFactory(on_offer=True, closed=True, name="Fermé")
    ServiceFactory(name="Structure sans fiche publique")
    hidden = ServiceFactory(name="Structure masquée")
    EstablishmentFactory(legal_unit=hidden.provider, hidden=True)
    inactive = ServiceFactory(on_offer=True, name="Structure cessée")
    inactive.provider.is_active = False
    inactive.provider.save()
    assert [row["nom"] for row in exported(client)] == [shown.name]


def test_csv_export_has_the_schema_columns_and_joins_lists(client, full_service):
    response = client.get("/accompagnement/services.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 1
    assert set(rows[0]) <= set(SCHEMA["properties"])
    assert rows[0]["publics"] == "jeunes|femmes"
    assert rows[0]["nom"] == full_service.name


def test_csv_export_defuses_spreadsheet_formulas(client, territory):
    ServiceFactory(on_offer=True, name="=HYPERLINK(1)")
    body = client.get("/accompagnement/services.csv").content.decode()
    assert "'=HYPERLINK(1)" in body
