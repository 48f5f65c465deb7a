import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from maillage.directory.models import LegalUnit
from maillage.support.services.demo import DEMO_PARTNER_EMAIL, create_demo_services
from maillage.support.services.models import Service, ServiceStatus
from maillage.support.services.representation import editable_by_representative
from tests.factories import UserFactory

SCHEMA = json.loads((Path(__file__).parent / "data" / "service.json").read_text())


@pytest.fixture
def demo_partner(db):
    return UserFactory(partner=True, email=DEMO_PARTNER_EMAIL)


def test_demo_offer_is_fictitious_deterministic_and_created_once(territory, demo_partner):
    assert create_demo_services() == 16
    assert create_demo_services() == 0
    providers = LegalUnit.objects.filter(services__isnull=False).distinct()
    assert providers.count() == 6
    for unit in providers:
        assert "fictiv" in unit.name or "fictif" in unit.name
        assert unit.siren.startswith("9999")
    assert providers.filter(name="Pôle ESS fictif du Pays de test").exists()
    assert Service.objects.published().count() == 14
    assert Service.objects.filter(status=ServiceStatus.SUBMITTED).count() == 1


def test_demo_partner_edits_the_services_of_its_cooperative(territory, demo_partner):
    create_demo_services()
    names = sorted(editable_by_representative(demo_partner).values_list("name", flat=True))
    assert len(names) == 3
    assert {s.provider.name for s in editable_by_representative(demo_partner)} == {
        "Coopérative fictive d’accompagnement"
    }


def test_demo_offer_exports_valid_data_inclusion_rows(client, territory, demo_partner):
    create_demo_services()
    rows = client.get("/accompagnement/services.json").json()
    assert len(rows) == 14
    validator = Draft202012Validator(SCHEMA, format_checker=FormatChecker())
    assert [e.message for row in rows for e in validator.iter_errors(row)] == []
