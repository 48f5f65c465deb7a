"""The open data API against its own description: schemathesis derives requests from the
OpenAPI document (valid and invalid parameters) and sends them through the WSGI app — never a
server error, and every answer conforms to the schema (status, content type, body)."""

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)

from maillage.directory.exports import published
from maillage.directory.exports.openapi import describe
from maillage.hub import current_hub
from maillage.wsgi import application
from tests.directory.factories import EstablishmentFactory

# Whether the API is strict or lenient (an empty or unknown parameter is ignored, as in the
# directory's forms; an unknown commune or a page past the end is a 400) is its own choice;
# these checks are about answers: no server error, and each one as the document declares.
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    unsupported_method,
]
BASE_URL = "http://localhost/"
# The document as built for the view; the test below checks that it is the one served.
# (schemathesis' lazy `from_fixture` loader does not run under pytest 9.)
schema = schemathesis.openapi.from_dict(describe("Pôle", BASE_URL))


@pytest.fixture
def entries(territory, settings, tmp_path):
    cache.clear()  # the map's points are cached per area
    settings.DIRECTORY_EXPORTS_ROOT = tmp_path / "exports"
    # Published entries with and without coordinates and contacts, and a hidden one.
    EstablishmentFactory(sign="Atelier vélo", located=True, public_contacts=True)
    EstablishmentFactory(cooperative=True)
    EstablishmentFactory(sign="Caché", hidden=True)
    published.rebuild()  # the whole directory's files, as the worker writes them after a change
    # As Django's test client does: the test's transaction must outlive each request.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def test_the_served_description_is_the_one_tested(client):
    served = client.get("/api/openapi.json", HTTP_HOST="localhost").json()
    assert served == describe(current_hub().identity.full_name, BASE_URL)


@schema.parametrize()
# schemathesis' WSGI transport reads a file answer (the whole directory's files) without closing
# it, as a WSGI server would; the unclosed file is its own, not the platform's.
@pytest.mark.filterwarnings(
    "ignore:Exception ignored in. <_io.FileIO:pytest.PytestUnraisableExceptionWarning"
)
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_answers_as_it_describes_itself(case, entries):
    # Uncompressed: the WSGI client hands schemathesis the body as sent, and pages are gzipped
    # for clients that accept it (tests/web/test_compression.py).
    case.call_and_validate(app=application, checks=CHECKS, headers={"Accept-Encoding": "identity"})


# What schemathesis found, kept as plain regression tests.


def test_another_method_than_get_is_a_405_naming_the_allowed_ones(entries):
    client = Client(enforce_csrf_checks=True)  # as a real client: no CSRF token
    for path in ("/api/organisations/", "/carte/points.geojson", "/annuaire/export.csv"):
        response = client.post(path)
        assert response.status_code == 405, path
        assert response["Allow"] == "GET, HEAD"


def test_an_unknown_address_under_the_api_is_a_404_in_json(client, entries):
    for path in ("/api/organisations/null,null/", "/api/nulle-part/"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.json()["erreur"] == "Cette adresse n’existe pas dans l’API."
    assert client.get("/api/organisations").status_code == 301  # the slash is still added
