"""Pages and JSON answers are sent compressed to a browser that accepts it."""

import gzip
import json

import pytest

from tests.directory.factories import EstablishmentFactory

pytestmark = pytest.mark.django_db


def test_the_directory_page_and_the_api_are_gzipped(client):
    EstablishmentFactory(sign="Jardin partagé")

    page = client.get("/annuaire/", headers={"Accept-Encoding": "gzip"})
    assert page["Content-Encoding"] == "gzip"
    assert "Jardin partagé" in gzip.decompress(page.content).decode()

    api = client.get("/api/organisations/", headers={"Accept-Encoding": "gzip"})
    assert api["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(api.content))["count"] == 1


def test_a_client_that_does_not_accept_gzip_gets_plain_text(client):
    page = client.get("/annuaire/")
    assert not page.has_header("Content-Encoding")
    assert "<h1>" in page.content.decode()
