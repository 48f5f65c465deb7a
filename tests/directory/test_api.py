"""The JSON API, its OpenAPI description and documentation page, and fuzzed parameters."""

import tempfile

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from maillage.directory.exports import published
from maillage.directory.exports.openapi import PAGE_SIZE, filter_docs
from maillage.directory.filters import PARAMETERS, DirectoryFilterForm
from tests.directory.factories import EstablishmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_map_cache():
    """The map's points are cached a minute per area; every test starts with none."""
    cache.clear()


LIST = "/api/organisations/"


def test_list_gives_count_pages_and_public_records(client):
    EstablishmentFactory(sign="Atelier vélo", located=True)
    EstablishmentFactory(sign="Caché", hidden=True)
    data = client.get(LIST).json()
    assert data["count"] == 1
    assert data["next"] is None
    assert data["previous"] is None
    (record,) = data["results"]
    assert record["nom"] == "Atelier vélo"
    for private in ("provenance", "visibility", "source_ref", "search_text", "email", "phone"):
        assert private not in record


def test_list_paginates_with_absolute_links_that_keep_the_filters(client):
    EstablishmentFactory.create_batch(PAGE_SIZE + 3, cooperative=True)
    first = client.get(LIST, {"famille": "cooperative"}).json()
    assert first["count"] == PAGE_SIZE + 3
    assert len(first["results"]) == PAGE_SIZE
    assert first["next"] == "http://testserver/api/organisations/?famille=cooperative&page=2"
    second = client.get(first["next"]).json()
    assert len(second["results"]) == 3
    assert second["next"] is None
    assert second["previous"] == "http://testserver/api/organisations/?famille=cooperative"
    ids = {r["id"] for r in first["results"]} | {r["id"] for r in second["results"]}
    assert len(ids) == PAGE_SIZE + 3


def test_list_filters_like_the_directory(client):
    EstablishmentFactory(sign="Coop du pain", cooperative=True)
    EstablishmentFactory(sign="Asso du pain", association=True)
    data = client.get(LIST, {"q": "PAIN", "famille": "cooperative"}).json()
    assert [r["nom"] for r in data["results"]] == ["Coop du pain"]


def test_list_keeps_a_constant_number_of_queries(client, django_assert_max_num_queries):
    EstablishmentFactory.create_batch(30)
    with django_assert_max_num_queries(4):  # count, the page's ids, its rows, their themes
        client.get(LIST)


def test_a_page_past_the_end_is_a_400(client):
    response = client.get(LIST, {"page": 3})
    assert response.status_code == 400
    assert "dernière page : 1" in response.json()["erreur"]


def test_detail_gives_one_published_record(client):
    entry = EstablishmentFactory(sign="Épicerie solidaire", public_contacts=True)
    response = client.get(reverse("directory:api_organisation", args=[entry.pk]))
    assert response.status_code == 200
    assert response.json()["nom"] == "Épicerie solidaire"
    assert response.json()["courriel"] == "contact@exemple.invalid"


def test_detail_hides_unpublished_entries_and_private_contacts(client):
    hidden = EstablishmentFactory(hidden=True)
    private = EstablishmentFactory(
        email="prive@exemple.invalid", phone="0611", contacts_public=False
    )
    assert client.get(f"/api/organisations/{hidden.pk}/").status_code == 404
    record = client.get(f"/api/organisations/{private.pk}/").json()
    assert (record["courriel"], record["telephone"]) == ("", "")
    assert "prive@exemple.invalid" not in client.get(LIST).content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"page": "-1"},
        {"page": "0"},
        {"page": "abc"},
        {"tri": "provenance"},
        {"tri": "email"},
        {"famille": "secte"},
        {"q": "x" * 10_000},
        {"commune": "99999"},
        {"epci": "12"},
        {"adherents": "oui"},
    ],
)
def test_bad_parameters_are_400_with_a_french_message(client, params):
    response = client.get(LIST, params)
    assert response.status_code == 400
    body = response.json()
    assert body["erreur"]
    assert body["messages"]


def test_openapi_documents_exactly_the_accepted_filters(client):
    document = client.get(reverse("directory:openapi")).json()
    assert document["openapi"] == "3.1.0"
    operation = document["paths"]["/api/organisations/"]["get"]
    documented = [p["name"] for p in operation["parameters"]]
    assert documented == list(PARAMETERS)
    assert set(filter_docs()) == set(PARAMETERS)


def test_every_documented_parameter_example_is_accepted(client, territory):
    # `territory` provides the commune of the commune example (35236, Redon).
    document = client.get(reverse("directory:openapi")).json()
    for parameter in document["paths"]["/api/organisations/"]["get"]["parameters"]:
        value = parameter["example"]
        if parameter["name"] == "page":
            value = 1
        response = client.get(LIST, {parameter["name"]: value})
        assert response.status_code == 200, (parameter["name"], response.content)


def test_every_documented_enum_value_is_accepted(client):
    document = client.get(reverse("directory:openapi")).json()
    for parameter in document["paths"]["/api/organisations/"]["get"]["parameters"]:
        schema = parameter["schema"]
        values = schema.get("enum") or schema.get("items", {}).get("enum") or []
        for value in values:
            response = client.get(LIST, {parameter["name"]: value})
            assert response.status_code == 200, (parameter["name"], value)


def test_every_value_a_filter_accepts_is_documented(client):
    document = client.get(reverse("directory:openapi")).json()
    enums = {
        parameter["name"]: parameter["schema"].get("enum") or parameter["schema"]["items"]["enum"]
        for parameter in document["paths"]["/api/organisations/"]["get"]["parameters"]
        if "enum" in str(parameter["schema"])
    }

    assert set(enums) == {"famille", "section", "division", "taille", "tranche", "employeurs",
                          "adherents", "tri"}  # fmt: skip
    for name, values in enums.items():
        field = DirectoryFilterForm.base_fields[name]
        assert values == [value for value, _ in field.choices if value], name


def test_an_undocumented_sort_value_is_refused(client):
    document = client.get(reverse("directory:openapi")).json()
    parameters = document["paths"]["/api/organisations/"]["get"]["parameters"]
    (tri,) = [p for p in parameters if p["name"] == "tri"]
    assert "siret" not in tri["schema"]["enum"]
    assert client.get(LIST, {"tri": "siret"}).status_code == 400


def test_openapi_responses_reference_declared_schemas(client):
    document = client.get(reverse("directory:openapi")).json()
    schemas = document["components"]["schemas"]
    text = str(document["paths"])
    for name in ("Page", "Organisation", "Erreur"):
        assert f"#/components/schemas/{name}" in text
        assert name in schemas
    record_keys = set(client_record_keys(client))
    assert record_keys == set(schemas["Organisation"]["properties"])


def client_record_keys(client):
    entry = EstablishmentFactory()
    return client.get(f"/api/organisations/{entry.pk}/").json().keys()


def test_documentation_page_explains_the_api_in_french(client):
    EstablishmentFactory()
    response = client.get(reverse("directory:api"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Données ouvertes de l’annuaire</h1>" in html
    for name in PARAMETERS:
        assert f"<code>{name}</code>" in html
    assert "/api/openapi.json" in html
    assert "/annuaire/export.csv" in html
    assert "INVALID_TEMPLATE_VARIABLE" not in html


PARAMETER_NAMES = st.sampled_from([*PARAMETERS, "bbox", "zoom"])
VALUES = st.one_of(
    st.text(max_size=50),
    st.text(max_size=10_001, alphabet="ab,.-9 é"),
    st.sampled_from(["-1", "0", "nan", "inf", "1e309", "-2,47,1", "provenance", "35236"]),
    st.integers().map(str),
    st.floats(allow_nan=True).map(str),
)


class TestFuzzedParameters(HypothesisTestCase):
    """Whatever a visitor types, the map and API answer 200 or a 400 with a message."""

    @classmethod
    def setUpTestData(cls):
        # The whole directory's file, as the worker writes it, for the downloads without filter.
        cls.folder = tempfile.TemporaryDirectory()
        cls.enterClassContext(override_settings(DIRECTORY_EXPORTS_ROOT=cls.folder.name))
        cls.addClassCleanup(cls.folder.cleanup)
        published.rebuild()

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(params=st.dictionaries(PARAMETER_NAMES, VALUES, max_size=4))
    def test_never_a_server_error(self, params):
        for url in (LIST, "/carte/points.geojson", "/carte/", "/annuaire/export.csv"):
            response = self.client.get(url, params)
            if response.streaming:
                b"".join(response.streaming_content)
            assert response.status_code in (200, 400), (url, params, response.status_code)
            if response.status_code == 400 and url != "/carte/":
                assert response.json()["erreur"]
